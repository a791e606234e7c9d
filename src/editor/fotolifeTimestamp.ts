// Fotolife image ids are the upload time, YYYYMMDDhhmmss, in the uploader's local time.

/** `YYYYMMDDhhmmss` for `date` in local time. */
export function fotolifeTimestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}${two(date.getMonth() + 1)}${two(date.getDate())}`
    + `${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
}

/** `YYYYMMDD` for `date` in local time: the part of today's image ids the writer does not need to look up. */
export function fotolifeDatePrefix(date: Date): string {
  return fotolifeTimestamp(date).slice(0, 8);
}
