import type MarkdownIt from 'markdown-it';

/** `[f:id:USER:YYYYMMDDhhmmss{j,p,g,f}:plain|image|movie(:option)*]` parsed. */
export interface FotolifeImage {
  user: string;
  id: string;
  ext: 'jpg' | 'png' | 'gif';
  kind: 'plain' | 'image' | 'movie';
}

const FOTOLIFE = /^\[f:id:([A-Za-z][A-Za-z0-9_-]{2,31}):(\d{14})([jpgf]):(plain|image|movie)\]/;
const EXT = { j: 'jpg', p: 'png', g: 'gif', f: 'jpg' } as const;

export function parseFotolife(text: string): { image: FotolifeImage; length: number } | undefined {
  const m = FOTOLIFE.exec(text);
  if (!m) return undefined;
  return {
    image: { user: m[1], id: m[2], ext: EXT[m[3] as keyof typeof EXT], kind: m[4] as FotolifeImage['kind'] },
    length: m[0].length,
  };
}

export function fotolifeUrl(image: FotolifeImage): string {
  return `https://cdn-ak.f.st-hatena.com/images/fotolife/${image.user[0]}/${image.user}/${image.id.slice(0, 8)}/${image.id}.${image.ext}`;
}

export function fotolifePlugin(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'hatena_fotolife', (state: MarkdownIt.StateInline, silent: boolean) => {
    if (state.src.charCodeAt(state.pos) !== 0x5b /* [ */) return false;
    const parsed = parseFotolife(state.src.slice(state.pos, state.pos + 200));
    if (!parsed) return false;
    if (!silent) {
      const token = state.push('hatena_fotolife', '', 0);
      token.meta = parsed.image;
    }
    state.pos += parsed.length;
    return true;
  });
  md.renderer.rules.hatena_fotolife = (tokens, idx) => {
    const image = tokens[idx].meta as FotolifeImage;
    const esc = md.utils.escapeHtml;
    return `<span itemscope itemtype="http://schema.org/Photograph"><img src="${esc(fotolifeUrl(image))}" loading="lazy" title="" class="hatena-fotolife" itemprop="image"></span>`;
  };
}
