// Problems for notation Hatena will not render as meant, updated as the writer types (a short debounce) and
// cleared when the document closes. Local image paths are checked on the host, relative to the document.
import * as vscode from 'vscode';
import { notationScanOf } from './notationCache';
import type { NotationProblem } from './notationScan';
import { findFrontMatter, validateEntryHeader } from '../hatena';
import { headerProblemMessage } from './headerProblems';

export const DIAGNOSTIC_SOURCE = 'Hatena Writer';
const DEBOUNCE_MS = 300;

export function problemMessage(p: NotationProblem): string {
  switch (p.code) {
    case 'fotolife-user': return vscode.l10n.t('"{0}" is not a Hatena id (3–32 letters, digits, _ or -, a letter first): Hatena shows this image as plain text.', p.text);
    case 'fotolife-user-space': return vscode.l10n.t('A Hatena id has no spaces ("{0}"): Hatena shows this image as plain text.', p.text);
    case 'fotolife-timestamp': return vscode.l10n.t('The Fotolife id must be 14 digits of a real date and time (YYYYMMDDhhmmss): Hatena shows this image as plain text.');
    case 'fotolife-extension': return vscode.l10n.t('After the 14 digits comes j, p or g (JPEG, PNG, GIF): Hatena shows this image as plain text.');
    case 'fotolife-option': return p.suggestion
      ? vscode.l10n.t('Unknown Fotolife option "{0}". Did you mean "{1}"?', p.text, p.suggestion)
      : vscode.l10n.t('Unknown Fotolife option "{0}": Hatena shows this image as plain text.', p.text);
    case 'fotolife-kindTwice': return vscode.l10n.t('Only one of plain, image or movie per image: Hatena shows this image as plain text.');
    case 'fotolife-zeroSize': return vscode.l10n.t('A width or height of 0: Hatena shows this image as plain text.');
    case 'placeholder': return vscode.l10n.t('Replace the placeholder はてなID with your Hatena id.');
    case 'unclosed-footnote': return vscode.l10n.t('This (( has no )) in its paragraph: it shows as typed, not as a footnote.');
    case 'embed-not-url': return vscode.l10n.t(':embed needs a URL starting with http:// or https://: this shows as typed.');
  }
}

function toDiagnostic(document: vscode.TextDocument, p: NotationProblem): vscode.Diagnostic {
  const severity = p.code === 'placeholder' || p.code === 'unclosed-footnote' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error;
  const d = new vscode.Diagnostic(new vscode.Range(document.positionAt(p.start), document.positionAt(p.end)), problemMessage(p), severity);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = p.code;
  return d;
}

/** Whether `target` (normalised: joinPath resolves `..`) lies in the folder `root`. */
function isInside(root: vscode.Uri, target: vscode.Uri): boolean {
  if (root.scheme !== target.scheme || root.authority !== target.authority) return false;
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return target.path === root.path || target.path.startsWith(base);
}

/** The diagnostics of a document now: the scan's problems, then its local images that do not exist. */
async function diagnose(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const scan = notationScanOf(document);
  const out = scan.problems.map((p) => toDiagnostic(document, p));
  const folder = vscode.Uri.joinPath(document.uri, '..');
  const checks = scan.occurrences.map(async (o) => {
    if (o.kind !== 'localImage' || document.uri.scheme === 'untitled') return;
    const target = o.path.startsWith('/') ? vscode.Uri.joinPath(vscode.workspace.getWorkspaceFolder(document.uri)?.uri ?? folder, o.path) : vscode.Uri.joinPath(folder, o.path);
    const range = new vscode.Range(document.positionAt(o.start), document.positionAt(o.end));
    // A file outside the post's workspace folder is not part of the blog: the preview may show it, nothing else will.
    const folderOfPost = vscode.workspace.getWorkspaceFolder(document.uri);
    if (folderOfPost && !isInside(folderOfPost.uri, target)) {
      const d = new vscode.Diagnostic(range, vscode.l10n.t('{0} is outside the workspace: upload it with Hatena: Upload Local Images, or move it next to the post.', o.path), vscode.DiagnosticSeverity.Warning);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = 'local-image-outside';
      out.push(d);
      return;
    }
    try {
      await vscode.workspace.fs.stat(target);
    } catch {
      const d = new vscode.Diagnostic(range, vscode.l10n.t('No file at {0}: the image will not show.', o.path), vscode.DiagnosticSeverity.Warning);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = 'local-image-missing';
      out.push(d);
    }
  });
  await Promise.all(checks);
  out.push(...headerDiagnostics(document));
  return out;
}

/** Front matter blogsync (and so Publish) would reject: a Date that is not a date, Draft: maybe, Category: AWS … */
function headerDiagnostics(document: vscode.TextDocument): vscode.Diagnostic[] {
  const text = document.getText();
  const span = findFrontMatter(text);
  if (!span) return [];
  return validateEntryHeader(text.slice(span.yamlStart, span.yamlEnd)).map((p) => {
    const range = new vscode.Range(document.positionAt(span.yamlStart + p.start), document.positionAt(span.yamlStart + p.end));
    const d = new vscode.Diagnostic(range, headerProblemMessage(p), p.code === 'duplicate-field' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = `front-matter-${p.code}`;
    return d;
  });
}

export function registerNotationDiagnostics(isHatenaPost: (doc: vscode.TextDocument) => boolean): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('hatenaNotation');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const update = async (document: vscode.TextDocument) => {
    if (document.languageId !== 'markdown' || document.isClosed) return;
    if (!isHatenaPost(document)) { collection.delete(document.uri); return; }
    const version = document.version;
    const diagnostics = await diagnose(document);
    // A newer version is on its way (or the document closed): its own update sets the diagnostics.
    if (document.version === version && !document.isClosed) collection.set(document.uri, diagnostics);
  };
  const schedule = (document: vscode.TextDocument, delay: number) => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => { timers.delete(key); void update(document); }, delay));
  };
  vscode.workspace.textDocuments.forEach((d) => schedule(d, 0));
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument((d) => schedule(d, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length > 0) schedule(e.document, DEBOUNCE_MS); }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      const key = d.uri.toString();
      clearTimeout(timers.get(key));
      timers.delete(key);
      collection.delete(d.uri);
    }),
    { dispose: () => { timers.forEach((t) => clearTimeout(t)); timers.clear(); } },
  );
}
