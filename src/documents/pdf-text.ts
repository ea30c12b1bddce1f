import { splitAtDocumentSymbols } from './nd30';

/**
 * A pdfmake text run cut at its document symbols, each kept on one line (`noWrap`; nd30.ts `splitAtDocumentSymbols`).
 * The bundled Liberation Serif has no word joiner (U+2060) nor non-breaking hyphen (U+2011) to glue "125/KH-UBND"
 * with; a run that does not wrap needs no glyph and copies out of the PDF as written.
 */
export function keepDocumentSymbolsWhole<Run extends { text: string }>(run: Run): (Run & { noWrap?: true })[] {
  return splitAtDocumentSymbols(run.text).map((piece) => ({
    ...run,
    text: piece.text,
    ...(piece.isSymbol ? { noWrap: true as const } : {}),
  }));
}
