// The renderers the preview features share: created lazily (activation stays cheap), one per output flavour.
import { createHatenaRenderer, IncrementalRenderer, type HatenaRenderer, type IncrementalResult, type RenderedEntry } from '../hatena';
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
    return this.withResolver(resolveImage, () => this.previewRenderer(liveEmbeds).render(source));
  }

  /**
   * The same HTML as renderForPreview, re-rendering only the blocks an edit touched since the last call of this
   * preview (one per panel: its state is the last text that panel showed). `resolveImage` is called only for the
   * blocks rendered again: the others keep the URLs they had (reset() when those may be stale).
   */
  createIncremental(): PreviewIncremental {
    const incremental = new Map<boolean, IncrementalRenderer>();
    return {
      render: (source, liveEmbeds, resolveImage) => {
        let renderer = incremental.get(liveEmbeds);
        if (!renderer) {
          renderer = new IncrementalRenderer(this.previewRenderer(liveEmbeds));
          incremental.set(liveEmbeds, renderer);
        }
        const chosen = renderer;
        return this.withResolver(resolveImage, () => chosen.render(source));
      },
      reset: () => incremental.forEach((renderer) => renderer.reset()),
    };
  }

  private previewRenderer(liveEmbeds: boolean): HatenaRenderer {
    const embeds = liveEmbeds ? 'iframe' : 'card';
    let renderer = this.preview.get(embeds);
    if (!renderer) {
      renderer = createHatenaRenderer({ sourceLines: true, embeds });
      renderer.md.use(localImagesPlugin, () => this.resolver);
      this.preview.set(embeds, renderer);
    }
    return renderer;
  }

  private withResolver<T>(resolveImage: ImageSourceResolver, render: () => T): T {
    this.resolver = resolveImage;
    try {
      return render();
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

/** One preview's incremental renders (see PreviewRenderers.createIncremental). */
export interface PreviewIncremental {
  render(source: string, liveEmbeds: boolean, resolveImage: ImageSourceResolver): IncrementalResult;
  /** The next render is full: image URLs (versions, the post's folder) may have changed. */
  reset(): void;
}
