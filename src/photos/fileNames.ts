// File names and relative paths for images kept in the workspace (an upload that failed, a pasted screenshot).
// Pure: paths are `/`-separated strings (URI paths), never OS paths.

/** A name safe on every OS: no separators, no control or reserved characters, not empty. */
export function safeFileName(name: string, fallback = 'image'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f<>:"|?*]/g, '-').replace(/^[. ]+|[. ]+$/g, '');
  return cleaned === '' ? fallback : cleaned;
}

/** `photo.png` → [`photo`, `.png`]; a leading dot is part of the stem. */
export function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
}

/**
 * The first of `name`, `stem-1.ext`, `stem-2.ext` … that `taken` does not have (as VS Code names a pasted file).
 * `taken` answers case-insensitively where the file system does: the caller decides.
 */
export function uniqueFileName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  const [stem, ext] = splitExtension(name);
  for (let n = 1; ; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!taken(candidate)) return candidate;
  }
}

/** The relative path from folder `fromDir` (a URI path) to `toPath`: `../img/a.png`. */
export function relativePath(fromDir: string, toPath: string): string {
  const from = fromDir.split('/').filter((s) => s !== '');
  const to = toPath.split('/').filter((s) => s !== '');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array<string>(from.length - common).fill('..'), ...to.slice(common)].join('/');
}

/** A relative path as a Markdown link destination: spaces, brackets, `%`, `#`, `?` percent-encoded; other text kept. */
export function markdownDestination(path: string): string {
  return path.replace(/[ ()<>[\]%#?\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `![](destination)` for a kept image. */
export function markdownImage(path: string, alt = ''): string {
  return `![${alt.replace(/[[\]\\]/g, '\\$&')}](${markdownDestination(path)})`;
}
