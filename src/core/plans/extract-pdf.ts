import { PlanImportError } from './errors';
import type { PlanBlock } from './lines';
import { layoutLines, type PdfFragment } from './pdf-layout';

/**
 * A .pdf plan's text layer (pdf.js, legacy build for Node): the positioned text of each page, handed to
 * pdf-layout.ts, which rebuilds lines, drops page headers, footers and numbers, and rebuilds tables. A scanned PDF
 * (no text layer) gives no text: the importer then says so.
 */
const MAX_PAGES = 500;

export async function readPdfLines(bytes: Uint8Array): Promise<(string | PlanBlock)[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new PlanImportError('unreadable', 'Tệp PDF có mật khẩu: hãy gỡ mật khẩu rồi nhập lại.');
    throw new PlanImportError('unreadable', 'Tệp PDF hỏng hoặc không phải tệp PDF.');
  }
  try {
    if (document.numPages > MAX_PAGES) throw new PlanImportError('unreadable', `Tệp PDF có quá nhiều trang (tối đa ${MAX_PAGES}).`);
    const pages: PdfFragment[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const fragments: PdfFragment[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, , , x, y] = item.transform as number[];
        const size = Math.hypot(a ?? 0, b ?? 0) || item.height || 10;
        fragments.push({ text: item.str.normalize('NFC'), x: x ?? 0, y: y ?? 0, width: item.width, size });
      }
      pages.push(fragments);
      page.cleanup();
    }
    return layoutLines(pages);
  } finally {
    await document.destroy();
  }
}
