import { describe, expect, it } from 'vitest';
import { splitAtDocumentSymbols } from './nd30';

describe('splitAtDocumentSymbols', () => {
  it('marks the words carrying a number and symbol, with their punctuation and the spaces after them', () => {
    const text = 'Thực hiện Kế hoạch số 125/KH-UBND ngày 16/4/2026 (theo 30/2020/NĐ-CP), Số:\u00A0\u00A0/BC-UBND và 1085/QĐ-TTg.';
    const pieces = splitAtDocumentSymbols(text);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
    expect(pieces.filter((piece) => piece.isSymbol).map((piece) => piece.text)).toEqual([
      '125/KH-UBND ',
      '30/2020/NĐ-CP), ',
      'Số:\u00A0\u00A0/BC-UBND ',
      '1085/QĐ-TTg.',
    ]);
  });

  it('leaves dates, lower-case words, long words and line ends to wrap', () => {
    const longWord = `https://dichvucong.example.vn/Tra-Cuu/${'a'.repeat(40)}`;
    const text = `ngày 16/4/2026 và/hoặc ${longWord} 66/NQ-CP\nsau`;
    const pieces = splitAtDocumentSymbols(text);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
    expect(pieces).toEqual([
      { text: `ngày 16/4/2026 và/hoặc ${longWord} `, isSymbol: false },
      { text: '66/NQ-CP', isSymbol: true },
      { text: '\nsau', isSymbol: false },
    ]);
  });
});
