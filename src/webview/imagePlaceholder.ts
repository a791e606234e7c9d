// What an image that cannot load turns into: a box of the size the post asked for, showing the notation that
// produced it (offline, a deleted Fotolife photo, a typo in a path) instead of the browser's broken-image icon.
// Pure functions over strings; the DOM side (preview.ts) reads the attributes and swaps the src.

const FOTOLIFE_CDN = /^https:\/\/cdn-ak\.f\.st-hatena\.com\/images\/fotolife\/[^/]\/([^/]+)\/\d{8}\/(\d{14})(_m|_120)?\.(jpg|png|gif)(?:[?#].*)?$/;
const EXT_LETTER: Record<string, string> = { jpg: 'j', png: 'p', gif: 'g' };

/** The attributes of the <img> the label is rebuilt from. */
export interface ImageFacts {
  src: string;
  alt?: string;
  title?: string;
  className?: string;
  style?: string;
  /** width/height attributes (profile icons carry them). */
  widthAttr?: string;
  heightAttr?: string;
  /** Inside <a class="hatena-fotolife"> (the `:image` kind). */
  linked?: boolean;
}

function px(style: string | undefined, property: 'width' | 'height'): number | undefined {
  const m = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*(\\d+(?:\\.\\d+)?)px`, 'i').exec(style ?? '');
  return m ? Math.round(Number(m[1])) : undefined;
}

function attrPx(value: string | undefined): number | undefined {
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** The notation a Fotolife CDN image was written as (`[f:id:USER:IDj:plain:w350]`), else the Markdown image form. */
export function placeholderLabel(facts: ImageFacts): string {
  const m = FOTOLIFE_CDN.exec(facts.src);
  if (m) {
    const [, user, id, thumb, ext] = m;
    const parts = [`f:id:${user}:${id}${thumb ? 'j' : EXT_LETTER[ext]}`, facts.linked ? 'image' : 'plain'];
    const w = px(facts.style, 'width');
    const h = px(facts.style, 'height');
    if (w !== undefined) parts.push(`w${w}`);
    if (h !== undefined) parts.push(`h${h}`);
    if (/\bhatena-image-left\b/.test(facts.className ?? '')) parts.push('left');
    if (/\bhatena-image-right\b/.test(facts.className ?? '')) parts.push('right');
    if (thumb === '_m') parts.push('small');
    if (thumb === '_120') parts.push('medium');
    if (facts.title) parts.push(`title=${facts.title}`);
    if (facts.alt) parts.push(`alt=${facts.alt}`);
    return `[${parts.join(':')}]`;
  }
  return `![${facts.alt ?? ''}](${facts.src})`;
}

/** The sentences the box says, localised by the host (the shell page carries them; see previewDocument.ts). */
export interface PlaceholderStrings {
  /** Any image: it could not be loaded. */
  notLoaded: string;
  /** A Fotolife image: offline, or the id may not exist. */
  fotolifeHint: string;
}

export const DEFAULT_PLACEHOLDER_STRINGS: PlaceholderStrings = {
  notLoaded: 'The image could not be loaded.',
  fotolifeHint: 'You may be offline, or this Fotolife id may not exist.',
};

/** What the box says in words, before the notation: why there is no image. */
export function placeholderMessage(facts: ImageFacts, strings: PlaceholderStrings = DEFAULT_PLACEHOLDER_STRINGS): string {
  return FOTOLIFE_CDN.test(facts.src) ? `${strings.notLoaded} ${strings.fotolifeHint}` : strings.notLoaded;
}

/** The box size: what the post asked for (style or attributes), keeping a 4:3 shape when only one side is given. */
export function placeholderSize(facts: ImageFacts): { width: number; height: number } {
  const w = px(facts.style, 'width') ?? attrPx(facts.widthAttr);
  const h = px(facts.style, 'height') ?? attrPx(facts.heightAttr);
  if (w !== undefined && h !== undefined) return { width: Math.max(1, w), height: Math.max(1, h) };
  if (w !== undefined) return { width: Math.max(1, w), height: Math.max(1, Math.round((w * 3) / 4)) };
  if (h !== undefined) return { width: Math.max(1, Math.round((h * 4) / 3)), height: Math.max(1, h) };
  // [U] Fotolife thumbnails: `_120` is 120 px on its long side, `_m` about twice that.
  const thumb = FOTOLIFE_CDN.exec(facts.src)?.[3];
  if (thumb === '_120') return { width: 120, height: 90 };
  if (thumb === '_m') return { width: 240, height: 180 };
  return { width: 480, height: 270 };
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Wraps the label into lines that fit the box (monospace-ish estimate: ASCII 0.6em, wide characters 1em). */
export function wrapLabel(label: string, maxWidthPx: number, fontPx: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const ch of Array.from(label)) {
    const w = (ch.charCodeAt(0) < 0x2e80 ? 0.6 : 1) * fontPx;
    if (width + w > maxWidthPx && line !== '') {
      lines.push(line);
      line = '';
      width = 0;
    }
    line += ch;
    width += w;
  }
  if (line !== '') lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, Math.max(1, maxLines));
    kept[kept.length - 1] = kept[kept.length - 1].replace(/.$/u, '…');
    return kept;
  }
  return lines;
}

/**
 * A data: URL of an SVG box (dashed border) with the label centred; always loads, under any CSP here. The box itself
 * is transparent and its grey reads on light and dark alike: the fill is the img's CSS background, so each look
 * (media/hatena.css, media/vscode-theme.css) colours it, the theme look from the current VS Code theme.
 */
export function placeholderDataUrl(facts: ImageFacts, strings: PlaceholderStrings = DEFAULT_PLACEHOLDER_STRINGS): string {
  const { width, height } = placeholderSize(facts);
  const fontPx = width < 200 ? 11 : 13;
  const lineHeight = Math.round(fontPx * 1.4);
  const tiny = width < 48 || height < 24;
  const maxLines = Math.max(1, Math.floor((height - 8) / lineHeight));
  // The words first (why there is no image), then the notation; a small box keeps the notation's first line.
  const label = wrapLabel(placeholderLabel(facts), width - 16, fontPx, maxLines);
  const words = maxLines > label.length ? wrapLabel(placeholderMessage(facts, strings), width - 16, fontPx, maxLines - label.length) : [];
  const lines = tiny ? [] : maxLines > label.length ? [...words, ...label] : label;
  const firstY = height / 2 - ((lines.length - 1) * lineHeight) / 2 + fontPx * 0.35;
  const text = lines
    .map((l, i) => `<text x="50%" y="${(firstY + i * lineHeight).toFixed(1)}" text-anchor="middle">${escapeXml(l)}</text>`)
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="none" stroke="#8c8c8c" stroke-dasharray="4 3"/>` +
    `<g font-family="Menlo, Consolas, 'IPAGothic', 'Noto Sans Mono CJK JP', monospace" font-size="${fontPx}" fill="#808080">${text}</g></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
