import { createHatenaRenderer, type HatenaRendererOptions } from '../../../src/hatena';

/** Body HTML of `source` rendered with a fresh renderer. */
export function render(source: string, options?: HatenaRendererOptions): string {
  return createHatenaRenderer(options).render(source).html;
}

/** The HTML inside the single paragraph `source` renders to (most inline tests compare just that). */
export function renderInline(source: string, options?: HatenaRendererOptions): string {
  const html = render(source, options);
  const m = /^<p>([\s\S]*)<\/p>\n$/.exec(html);
  if (!m) throw new Error(`expected one paragraph, got: ${html}`);
  return m[1];
}

export const PHOTO_OPEN = '<span itemscope itemtype="http://schema.org/Photograph">';
export const CDN = 'https://cdn-ak.f.st-hatena.com/images/fotolife';
