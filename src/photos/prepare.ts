// A photo as it arrives (a pasted screenshot, a dropped file, a file a post links to), checked before any upload:
// its real type from its bytes and its size against hatenaWriter.images.maxSizeMB.
import * as vscode from 'vscode';
import { sniffImageType, uploadMimeType, imageTypeExtension, type ImageType } from './imageType';
import { safeFileName, splitExtension } from './fileNames';

export interface PreparedImage {
  /** The file name (a pasted screenshot: `image.png`); given an extension from its type when it had none. */
  name: string;
  bytes: Uint8Array;
  type?: ImageType;
  /** Set when Fotolife takes it as it is (JPEG, PNG, GIF). */
  mimeType?: string;
  /** Why it is not uploaded, found before trying. */
  problem?: { kind: 'type'; type?: ImageType } | { kind: 'size'; megabytes: number; limit: number };
}

export function maxSizeMB(scope?: vscode.Uri): number {
  const value = vscode.workspace.getConfiguration('hatenaWriter', scope).get<number>('images.maxSizeMB', 10);
  return typeof value === 'number' && value > 0 ? value : 10;
}

export function fotolifeFolder(scope?: vscode.Uri): string | undefined {
  const value = vscode.workspace.getConfiguration('hatenaWriter', scope).get<string>('fotolife.folder', 'Hatena Blog');
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function prepareImage(name: string, bytes: Uint8Array, limitMB: number): PreparedImage {
  const type = sniffImageType(bytes);
  let safe = safeFileName(name);
  if (type && splitExtension(safe)[1] === '') safe += `.${imageTypeExtension(type)}`;
  const mimeType = uploadMimeType(type);
  const megabytes = bytes.byteLength / (1024 * 1024);
  const image: PreparedImage = { name: safe, bytes, ...(type ? { type } : {}), ...(mimeType ? { mimeType } : {}) };
  if (!mimeType) image.problem = { kind: 'type', ...(type ? { type } : {}) };
  else if (megabytes > limitMB) image.problem = { kind: 'size', megabytes, limit: limitMB };
  return image;
}

/** The Fotolife title of a photo: its file name without the extension. */
export function photoTitle(name: string): string {
  return splitExtension(name)[0];
}
