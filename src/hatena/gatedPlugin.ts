// The Hatena plugin on a markdown-it instance that also renders ordinary Markdown (VS Code's built-in preview): per
// parse and per render it is either fully on or fully off, so a non-post renders byte for byte as without it.
import type MarkdownIt from 'markdown-it';
import type { HatenaRendererOptions } from './options';
import { hatenaPlugin } from './plugin';

/** Decides per document; `env` is what the caller passed to parse/render (VS Code's has `currentDocument`). */
export type PostPredicate = (source: string | undefined, env: unknown) => boolean;

interface RuleList {
  __rules__: { name: string; enabled: boolean; fn: unknown; alt: string[] }[];
  __cache__: unknown;
}

/** A chain's rules as they are now: copies, since `ruler.at()` replaces a rule's function in place. */
function snapshot(ruler: RuleList): RuleList['__rules__'] {
  return ruler.__rules__.map((rule) => ({ ...rule, alt: [...rule.alt] }));
}

const gated = new WeakSet<MarkdownIt>();

/** Applying it twice to one instance is a no-op (VS Code may call extendMarkdownIt again on the same engine). */
export function gatedHatenaPlugin(md: MarkdownIt, options: HatenaRendererOptions, isPost: PostPredicate): void {
  if (gated.has(md)) return;
  gated.add(md);
  const rulers = [md.core.ruler, md.block.ruler, md.inline.ruler, md.inline.ruler2] as unknown as RuleList[];
  const plain = { rules: rulers.map(snapshot), render: { ...md.renderer.rules } };
  hatenaPlugin(md, options);
  const hatena = { rules: rulers.map(snapshot), render: { ...md.renderer.rules } };
  let current: typeof plain | undefined;
  const use = (state: typeof plain) => {
    if (current === state) return;
    current = state;
    rulers.forEach((ruler, i) => {
      ruler.__rules__ = state.rules[i];
      ruler.__cache__ = null; // markdown-it rebuilds its chains from __rules__ on next use
    });
    md.renderer.rules = state.render;
  };
  // Tokens remember how they were parsed: VS Code caches them and renders them later, maybe after other documents.
  const parsedAsPost = new WeakMap<object, boolean>();
  const parse = md.parse;
  md.parse = function (this: MarkdownIt, source: string, env: unknown) {
    const post = isPost(source, env);
    use(post ? hatena : plain);
    const tokens = parse.call(this, source, env);
    parsedAsPost.set(tokens, post);
    return tokens;
  };
  const render = md.renderer.render;
  md.renderer.render = function (this: MarkdownIt['renderer'], tokens, opts, env: unknown) {
    use(parsedAsPost.get(tokens) ?? isPost(undefined, env) ? hatena : plain);
    return render.call(this, tokens, opts, env);
  };
}
