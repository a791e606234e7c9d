// A photo that was not uploaded is not lost: it is saved in the workspace, next to the post (VS Code's own
// default for a pasted image, markdown.copyFiles.destination), under a name no file has yet, and the post links it
// as `![](name)`. An untitled post has no folder: the photo goes to the first workspace folder's images/.
import * as vscode from 'vscode';
import { markdownImage, relativePath, uniqueFileName } from './fileNames';

/** Where a post's kept photos go, and how the post links them. */
function destinationFolder(document: vscode.TextDocument): { folder: vscode.Uri; link: (name: string) => string } | undefined {
  if (document.uri.scheme !== 'untitled') {
    return { folder: vscode.Uri.joinPath(document.uri, '..'), link: (name) => name };
  }
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  return root ? { folder: vscode.Uri.joinPath(root, 'images'), link: (name) => `/images/${name}` } : undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Names chosen in this session but maybe not written yet (several photos named image.png at once). */
export class KeptNames {
  private readonly taken = new Set<string>();
  has(uri: vscode.Uri): boolean {
    return this.taken.has(uri.toString().toLowerCase());
  }
  add(uri: vscode.Uri): void {
    this.taken.add(uri.toString().toLowerCase());
  }
}

/**
 * Saves the bytes as a new file and returns the Markdown that links it, or undefined when there is nowhere to
 * save (an untitled post with no workspace) or the write failed. Never overwrites a file.
 */
export async function keepInWorkspace(document: vscode.TextDocument, name: string, bytes: Uint8Array, names = new KeptNames()): Promise<{ uri: vscode.Uri; markdown: string } | undefined> {
  const destination = destinationFolder(document);
  if (!destination) return undefined;
  // Case-insensitively unique among the files this run chose, and absent on disk.
  const onDisk = new Map<string, boolean>();
  const candidates: string[] = [];
  let chosen = name;
  for (let attempt = 0; attempt < 1000; attempt++) {
    chosen = uniqueFileName(name, (candidate) => candidates.includes(candidate) || names.has(vscode.Uri.joinPath(destination.folder, candidate)) || onDisk.get(candidate) === true);
    const uri = vscode.Uri.joinPath(destination.folder, chosen);
    if (!onDisk.has(chosen)) onDisk.set(chosen, await exists(uri));
    if (!onDisk.get(chosen)) break;
    candidates.push(chosen);
  }
  const uri = vscode.Uri.joinPath(destination.folder, chosen);
  names.add(uri);
  try {
    await vscode.workspace.fs.writeFile(uri, bytes);
  } catch {
    return undefined;
  }
  const folder = vscode.Uri.joinPath(document.uri, '..').path;
  const link = document.uri.scheme === 'untitled' ? destination.link(chosen) : relativePath(folder, uri.path);
  return { uri, markdown: markdownImage(link) };
}
