/** How the Hatena plugins render. Every field is optional; the defaults give the HTML Hatena publishes. */
export interface HatenaRendererOptions {
  /** Stamp block-level tokens with data-line="{map[0]}" and class "code-line" (like VS Code's preview), for scroll sync. */
  sourceLines?: boolean;
  /** [URL:embed] rendering: 'iframe' = exactly as Hatena publishes (default); 'card' = a static, network-free card
   *  <div class="hatena-embed-card" ...> with the URL, host and a link (for the preview under strict CSP). */
  embeds?: 'iframe' | 'card';
  /** `<!-- more -->` rendering: true = a visible divider labelled 続きを読む around the comment (default, for
   *  previews); false = the bare comment, as Hatena's HTML editor expects it (for Copy/Export HTML). */
  moreDivider?: boolean;
  /** Heading ids: 'hatena' = Hatena's, on the headings and in `[:contents]` (default); 'vscode' = VS Code's built-in
   *  preview names the headings itself (github-slugger style), so headings keep its ids and the TOC links to them. */
  headingIds?: 'hatena' | 'vscode';
}

export type ResolvedOptions = Required<HatenaRendererOptions>;

export function resolveOptions(options: HatenaRendererOptions | undefined): ResolvedOptions {
  return {
    sourceLines: options?.sourceLines === true,
    embeds: options?.embeds === 'card' ? 'card' : 'iframe',
    moreDivider: options?.moreDivider !== false,
    headingIds: options?.headingIds === 'vscode' ? 'vscode' : 'hatena',
  };
}
