import pdfMake from 'pdfmake';
import { assetPath } from '../assets';

/**
 * Liberation Serif (SIL OFL 1.1, fonts/NOTICE.md), bundled in the repository and found from the package root, so that
 * the sources, the compiled dist/ build and its render worker read the same files. It has Times New Roman's metrics
 * (the DOCX's font: lines wrap alike) and every Vietnamese glyph; nothing is fetched at run time. Shared by every
 * PDF motcua makes: the reform proposal and the dossier forms.
 */
export const PDF_FONT_FAMILY = 'Liberation Serif';
const fontFile = (name: string) => assetPath('src', 'documents', 'fonts', name);
export const PDF_FONT_FILES = {
  normal: fontFile('LiberationSerif-Regular.ttf'),
  bold: fontFile('LiberationSerif-Bold.ttf'),
  italics: fontFile('LiberationSerif-Italic.ttf'),
  bolditalics: fontFile('LiberationSerif-BoldItalic.ttf'),
};

let isPdfmakeConfigured = false;

/**
 * pdfmake keeps fonts and access policies process-wide. A document needs no network and no file but the fonts,
 * so everything else is refused (this also silences pdfmake's warning about missing policies).
 */
export function configurePdfmake(): void {
  if (isPdfmakeConfigured) return;
  const fontFiles = new Set(Object.values(PDF_FONT_FILES));
  pdfMake.addFonts({ [PDF_FONT_FAMILY]: PDF_FONT_FILES });
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((path) => fontFiles.has(path));
  isPdfmakeConfigured = true;
}

export const POINTS_PER_MM = 72 / 25.4;

export function toPoints(millimetres: number): number {
  return millimetres * POINTS_PER_MM;
}
