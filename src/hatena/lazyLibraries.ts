// markdown-it (with entities and linkify-it) and yaml are most of the bundle, and evaluating them took most of the
// extension's activation. They load on first use instead of when VS Code activates the extension for a Markdown
// file: esbuild resolves these require()s at bundle time (Node and browser builds) and runs a module only when
// first asked for it. Types come from `import type`, which costs nothing at run time.
import type MarkdownIt from 'markdown-it';
import type * as Yaml from 'yaml';

let markdownIt: typeof MarkdownIt | undefined;
let yaml: typeof Yaml | undefined;

/** The markdown-it constructor (CommonJS build in Node, the ES module's default export in the browser build). */
export function loadMarkdownIt(): typeof MarkdownIt {
  if (!markdownIt) {
    const loaded = require('markdown-it') as typeof MarkdownIt | { default: typeof MarkdownIt };
    markdownIt = 'default' in loaded ? loaded.default : loaded;
  }
  return markdownIt;
}

/** The `yaml` package's API. */
export function loadYaml(): typeof Yaml {
  return (yaml ??= require('yaml') as typeof Yaml);
}

// yaml's node guards, for modules that would otherwise import them (and so the whole package) eagerly. Whoever has
// a node to test has already parsed with yaml, so these never load it on their own.
export const isMap = ((node: unknown) => loadYaml().isMap(node)) as typeof Yaml.isMap;
export const isScalar = ((node: unknown) => loadYaml().isScalar(node)) as typeof Yaml.isScalar;
export const isSeq = ((node: unknown) => loadYaml().isSeq(node)) as typeof Yaml.isSeq;
export const parseDocument = ((source: string, options?: Yaml.ParseOptions & Yaml.DocumentOptions & Yaml.SchemaOptions) =>
  loadYaml().parseDocument(source, options)) as typeof Yaml.parseDocument;
