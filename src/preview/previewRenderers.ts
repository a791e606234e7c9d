// The renderers the preview features share: created lazily (activation stays cheap), one per output flavour.
import { createHatenaRenderer, type HatenaRenderer, type RenderedEntry } from '../hatena';
import { localImagesPlugin, type ImageSourceResolver } from './localImages';

export class PreviewRenderers {
  private readonly preview = new Map<'card' | 'iframe', HatenaRenderer>();
  private published: HatenaRenderer | undefined;
  private resolver: ImageSourceResolver | undefined;

  /**
   * For the webview: data-line source positions, workspace images through `resolveImage`, and embeds as static
   * cards unless live embeds are allowed.
   */
  renderForPreview(source: string, liveEmbeds: boolean, resolveImage: ImageSourceResolver): RenderedEntry {
    const embeds = liveEmbeds ? 'iframe' : 'card';
    let renderer = this.preview.get(embeds);
    if (!renderer) {
      renderer = createHatenaRenderer({ sourceLines: true, embeds });
      renderer.md.use(localImagesPlugin, () => this.resolver);
      this.preview.set(embeds, renderer);
    }
    this.resolver = resolveImage;
    try {
      return renderer.render(source);
    } finally {
      this.resolver = undefined;
    }
  }

  /**
   * Exactly what Hatena publishes: iframes for embeds, no source positions, paths as written, and `<!-- more -->`
   * as the bare comment (the visible 続きを読む divider is for the preview; pasted, it would show on the blog).
   */
  renderPublished(source: string): RenderedEntry {
    this.published ??= createHatenaRenderer({ embeds: 'iframe', moreDivider: false });
    return this.published.render(source);
  }
}
