import { extname } from 'node:path';

/**
 * A file name as it is kept and offered back: NFC, without folders (some browsers send "C:\\...\\Mẫu 01.docx"),
 * control characters or characters that Windows refuses in names, at most 255 characters; "tep" when nothing is left.
 */
export function cleanFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((character) => character.charCodeAt(0) >= 0x20 && character.charCodeAt(0) !== 0x7f && !'<>:"|?*'.includes(character))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return (cleaned || 'tep').slice(0, 255);
}

/** The extension of a name, lower case, without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  return extname(name).slice(1).toLowerCase();
}

/**
 * Content-Disposition for a download (RFC 6266): an ASCII fallback for old clients and the real, Vietnamese name in
 * `filename*` (RFC 5987, UTF-8 percent-encoded). Quotes, backslashes and line breaks cannot reach the header.
 */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const clean = cleanFileName(name);
  const ascii =
    clean
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\%]/g, '_') || 'tep';
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
