// What an image file really is, read from its first bytes (magic numbers): a name can lie (`photo.png` saved as JPEG
// by a phone, a screenshot pasted as `image.png`), and Fotolife is told the type in the upload. Pure.

/** The image types this module recognises. Fotolife takes only jpeg, png and gif as they are. */
export type ImageType = 'jpeg' | 'png' | 'gif' | 'webp' | 'heic' | 'avif' | 'bmp' | 'tiff' | 'svg' | 'ico';

const UPLOADABLE: Partial<Record<ImageType, string>> = { jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif' };

const NAMES: Record<ImageType, string> = {
  jpeg: 'JPEG', png: 'PNG', gif: 'GIF', webp: 'WebP', heic: 'HEIC', avif: 'AVIF', bmp: 'BMP', tiff: 'TIFF', svg: 'SVG', ico: 'ICO',
};

function startsWith(bytes: Uint8Array, at: number, ...values: number[]): boolean {
  if (bytes.length < at + values.length) return false;
  return values.every((v, i) => bytes[at + i] === v);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

/** The type the bytes say, or undefined when they are no image this module knows. */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
  if (startsWith(bytes, 0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (startsWith(bytes, 0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) return 'gif';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (/^(?:heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(brand)) return 'heic';
  }
  if (startsWith(bytes, 0, 0x42, 0x4d) && bytes.length >= 14) return 'bmp';
  if (startsWith(bytes, 0, 0x49, 0x49, 0x2a, 0x00) || startsWith(bytes, 0, 0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  if (startsWith(bytes, 0, 0x00, 0x00, 0x01, 0x00)) return 'ico';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'svg';
  return undefined;
}

/** The MIME type Fotolife is sent for an uploadable type, else undefined (WebP, HEIC… are not taken as they are). */
export function uploadMimeType(type: ImageType | undefined): string | undefined {
  return type === undefined ? undefined : UPLOADABLE[type];
}

/** The type's usual name for messages: `WebP`, `HEIC`. */
export function imageTypeName(type: ImageType): string {
  return NAMES[type];
}

/** The file extension a type is saved with when the name has none (a pasted screenshot). */
export function imageTypeExtension(type: ImageType): string {
  return type === 'jpeg' ? 'jpg' : type === 'tiff' ? 'tif' : type;
}

/** Image file extensions, for `text/uri-list` entries and Markdown paths (the bytes still decide the type). */
export const IMAGE_EXTENSIONS = /\.(?:jpe?g|png|gif|webp|heic|heif|avif|bmp|tiff?|svg|ico)$/i;
