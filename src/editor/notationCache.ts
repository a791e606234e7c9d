// One notation scan per document version, shared by hover, links, Problems and quick fixes.
import type * as vscode from 'vscode';
import { scanNotation, type NotationScan } from './notationScan';

const scans = new WeakMap<vscode.TextDocument, { version: number; scan: NotationScan }>();

export function notationScanOf(document: vscode.TextDocument): NotationScan {
  const cached = scans.get(document);
  if (cached && cached.version === document.version) return cached.scan;
  const scan = scanNotation(document.getText());
  scans.set(document, { version: document.version, scan });
  return scan;
}
