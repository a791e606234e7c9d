// The Hatena plugin on a markdown-it instance that also renders ordinary Markdown (VS Code's built-in preview): per
// parse and per render it is either fully on or fully off, so a non-post renders byte for byte as without it.
// Plugins applied after this one (VS Code's own source-line stamps, markdown-mermaid) keep working for both.
import type MarkdownIt from 'markdown-it';
import type { HatenaRendererOptions } from './options';
import { hatenaPlugin } from './plugin';

/** Decides per document; `env` is what the caller passed to parse/render (VS Code's has `currentDocument`). */
export type PostPredicate = (source: string | undefined, env: unknown) => boolean;

type AnyFn = (...args: unknown[]) => unknown;
interface Rule {
  name: string;
  fn: AnyFn;
}
interface RuleList {
  __rules__: Rule[];
}

const gated = new WeakSet<MarkdownIt>();

/** Applying it twice to one instance is a no-op (VS Code may call extendMarkdownIt again on the same engine). */
export function gatedHatenaPlugin(md: MarkdownIt, options: HatenaRendererOptions, isPost: PostPredicate): void {
  if (gated.has(md)) return;
  gated.add(md);
  let post = false;
  const rulers = [md.core.ruler, md.block.ruler, md.inline.ruler, md.inline.ruler2] as unknown as RuleList[];
  const before = rulers.map((ruler) => new Map(ruler.__rules__.map((rule) => [rule.name, rule.fn])));
  const renderBefore: Record<string, AnyFn | undefined> = { ...(md.renderer.rules as Record<string, AnyFn>) };
  hatenaPlugin(md, options);
  // Every rule the plugin added or replaced becomes a switch: off, a rule it added matches nothing (false), and
  // one it replaced (`ruler.at`) is markdown-it's own again. Rule functions run inside parse, so `post` holds.
  rulers.forEach((ruler, i) => {
    for (const rule of ruler.__rules__) {
      const plainFn = before[i].get(rule.name);
      if (plainFn === rule.fn) continue;
      const hatenaFn = rule.fn;
      rule.fn = plainFn ? (...args) => (post ? hatenaFn : plainFn)(...args) : (...args) => (post ? hatenaFn(...args) : false);
    }
  });
  const rules = md.renderer.rules as Record<string, AnyFn | undefined>;
  for (const [type, hatenaFn] of Object.entries(rules)) {
    const plainFn = renderBefore[type];
    if (!hatenaFn || plainFn === hatenaFn) continue;
    // Off, a token type only the plugin makes never occurs; a rule it replaced is the one it replaced.
    rules[type] = (...args) => (post || !plainFn ? hatenaFn : plainFn)(...args);
  }
  // Tokens remember how they were parsed: VS Code caches them and renders them later, maybe after other documents.
  const parsedAsPost = new WeakMap<object, boolean>();
  const parse = md.parse;
  md.parse = function (this: MarkdownIt, source: string, env: unknown) {
    post = isPost(source, env);
    const tokens = parse.call(this, source, env);
    parsedAsPost.set(tokens, post);
    return tokens;
  };
  const parseInline = md.parseInline;
  md.parseInline = function (this: MarkdownIt, source: string, env: unknown) {
    post = isPost(source, env);
    const tokens = parseInline.call(this, source, env);
    parsedAsPost.set(tokens, post);
    return tokens;
  };
  const render = md.renderer.render;
  md.renderer.render = function (this: MarkdownIt['renderer'], tokens, opts, env: unknown) {
    post = parsedAsPost.get(tokens) ?? isPost(undefined, env);
    return render.call(this, tokens, opts, env);
  };
}
