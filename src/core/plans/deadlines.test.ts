import { describe, expect, it } from 'vitest';
import { parseDeadlines } from './deadlines';
import { digitizeNumberWords, wordsToNumber } from './number-words';

/* Deadline phrases as Vietnamese plans write them, most of them not from the seed plans. */
describe('parseDeadlines', () => {
  it.each([
    ['trước ngày 15/6/2025', { kind: 'date', date: '2025-06-15', text: 'trước ngày 15/6/2025' }],
    ['Hoàn thành chậm nhất ngày 05-01-2026.', { kind: 'date', date: '2026-01-05', text: 'chậm nhất ngày 05-01-2026' }],
    ['xong trước 31.12.2025', { kind: 'date', date: '2025-12-31', text: 'trước 31.12.2025' }],
    ['ngày 28 tháng 02 năm 2026', { kind: 'date', date: '2026-02-28', text: 'ngày 28 tháng 02 năm 2026' }],
    [
      'ngày mười lăm tháng sáu năm hai nghìn không trăm hai mươi lăm',
      { kind: 'date', date: '2025-06-15', text: 'ngày mười lăm tháng sáu năm hai nghìn không trăm hai mươi lăm' },
    ],
    [
      'trước ngày hai mươi mốt tháng mười hai năm 2025',
      { kind: 'date', date: '2025-12-21', text: 'trước ngày hai mươi mốt tháng mười hai năm 2025' },
    ],
    ['ngày năm tháng tư năm 2026', { kind: 'date', date: '2026-04-05', text: 'ngày năm tháng tư năm 2026' }],
    ['hằng năm trước ngày 15/6', { kind: 'annual', month: 6, day: 15, text: 'hằng năm trước ngày 15/6' }],
    ['Hàng năm, chậm nhất ngày 10 tháng 12', { kind: 'annual', month: 12, day: 10, text: 'Hàng năm, chậm nhất ngày 10 tháng 12' }],
    ['trước ngày 20/11 hằng năm', { kind: 'annual', month: 11, day: 20, text: 'trước ngày 20/11 hằng năm' }],
    ['Quý III/2025', { kind: 'quarter', year: 2025, quarter: 3, text: 'Quý III/2025' }],
    ['trong quý 4 năm 2026', { kind: 'quarter', year: 2026, quarter: 4, text: 'trong quý 4 năm 2026' }],
    ['Quý IV - 2025', { kind: 'quarter', year: 2025, quarter: 4, text: 'Quý IV - 2025' }],
    ['tháng 9/2025', { kind: 'month', year: 2025, month: 9, text: 'tháng 9/2025' }],
    ['Trong tháng 11 năm 2025', { kind: 'month', year: 2025, month: 11, text: 'Trong tháng 11 năm 2025' }],
    ['tháng mười hai năm 2025', { kind: 'month', year: 2025, month: 12, text: 'tháng mười hai năm 2025' }],
    ['6 tháng đầu năm 2026', { kind: 'month', year: 2026, month: 6, text: '6 tháng đầu năm 2026' }],
    ['năm 2026', { kind: 'year', year: 2026, text: 'năm 2026' }],
    ['Cuối năm 2025', { kind: 'year', year: 2025, text: 'Cuối năm 2025' }],
    ['2025-2026', { kind: 'year', year: 2026, text: '2025-2026' }],
    ['Giai đoạn 2026 – 2030', { kind: 'year', year: 2030, text: 'Giai đoạn 2026 – 2030' }],
    ['2027', { kind: 'year', year: 2027, text: '2027' }],
    ['hằng tháng', { kind: 'periodic', every: 'month', text: 'hằng tháng' }],
    ['Định kỳ hằng quý', { kind: 'periodic', every: 'quarter', text: 'Định kỳ hằng quý' }],
    ['định kỳ hàng năm', { kind: 'periodic', every: 'year', text: 'định kỳ hàng năm' }],
    ['mỗi tuần', { kind: 'periodic', every: 'week', text: 'mỗi tuần' }],
    ['trước ngày 20 hằng tháng', { kind: 'periodic', every: 'month', day: 20, text: 'trước ngày 20 hằng tháng' }],
    ['chậm nhất ngày 25 hằng quý', { kind: 'periodic', every: 'quarter', day: 25, text: 'chậm nhất ngày 25 hằng quý' }],
    ['Hằng tháng, trước ngày 20', { kind: 'periodic', every: 'month', day: 20, text: 'Hằng tháng, trước ngày 20' }],
    ['Định kỳ hằng quý, chậm nhất ngày 15', { kind: 'periodic', every: 'quarter', day: 15, text: 'Định kỳ hằng quý, chậm nhất ngày 15' }],
    ['thường xuyên', { kind: 'ongoing', text: 'thường xuyên' }],
    ['Thực hiện liên tục', { kind: 'ongoing', text: 'liên tục' }],
    [
      'trong 10 ngày làm việc kể từ ngày nhận được văn bản',
      {
        kind: 'relative',
        amount: 10,
        unit: 'working_days',
        after: 'nhận được văn bản',
        text: 'trong 10 ngày làm việc kể từ ngày nhận được văn bản',
      },
    ],
    [
      'Chậm nhất 03 tháng sau khi Nghị định có hiệu lực',
      {
        kind: 'relative',
        amount: 3,
        unit: 'months',
        after: 'Nghị định có hiệu lực',
        text: 'Chậm nhất 03 tháng sau khi Nghị định có hiệu lực',
      },
    ],
    [
      'trong thời hạn mười lăm ngày kể từ ngày Quyết định được ký',
      {
        kind: 'relative',
        amount: 15,
        unit: 'days',
        after: 'Quyết định được ký',
        text: 'trong thời hạn mười lăm ngày kể từ ngày Quyết định được ký',
      },
    ],
  ])('%s', (phrase, expected) => {
    expect(parseDeadlines(phrase)).toEqual([expected]);
  });

  it('keeps a phrase no date can be computed from as text', () => {
    expect(parseDeadlines('Khi có yêu cầu của cấp có thẩm quyền.')).toEqual([
      { kind: 'text', text: 'Khi có yêu cầu của cấp có thẩm quyền' },
    ]);
    expect(parseDeadlines('Theo lộ trình')).toEqual([{ kind: 'text', text: 'Theo lộ trình' }]);
  });

  it('refuses impossible dates rather than guessing', () => {
    expect(parseDeadlines('trước ngày 31/02/2025')).toEqual([{ kind: 'text', text: 'trước ngày 31/02/2025' }]);
    expect(parseDeadlines('tháng 13/2025')).toEqual([{ kind: 'text', text: 'tháng 13/2025' }]);
    expect(parseDeadlines('ngày 29/2/2025')[0]?.kind).toBe('text');
    expect(parseDeadlines('ngày 29/2/2028')).toEqual([{ kind: 'date', date: '2028-02-29', text: 'ngày 29/2/2028' }]);
  });

  it('reads several deadlines of one field, ignoring the years that only qualify a date', () => {
    expect(parseDeadlines('Phương án năm 2025 trình trước ngày 15/7/2025 và phương án năm 2026 trước ngày 15/6/2026')).toEqual([
      { kind: 'date', date: '2025-07-15', text: 'trước ngày 15/7/2025' },
      { kind: 'date', date: '2026-06-15', text: 'trước ngày 15/6/2026' },
    ]);
    // A rhythm followed by a full date is two deadlines, not the rhythm's day.
    expect(parseDeadlines('hằng quý, trước ngày 15/12/2026').map((deadline) => deadline.kind)).toEqual(['periodic', 'date']);
    expect(parseDeadlines('Quý I/2026; báo cáo định kỳ hằng tháng')).toEqual([
      { kind: 'quarter', year: 2026, quarter: 1, text: 'Quý I/2026' },
      { kind: 'periodic', every: 'month', text: 'định kỳ hằng tháng' },
    ]);
  });

  it('in a task text, counts a date only when a deadline word introduces it', () => {
    const text = 'Rà soát theo Nghị định số 61/2018/NĐ-CP ngày 23/4/2018; hoàn thành trước ngày 30/9/2025. Báo cáo kết quả hằng quý.';
    expect(parseDeadlines(text, 'content')).toEqual([
      { kind: 'date', date: '2025-09-30', text: 'trước ngày 30/9/2025' },
      { kind: 'periodic', every: 'quarter', text: 'hằng quý' },
    ]);
    expect(parseDeadlines('Kế hoạch kiểm soát thủ tục hành chính năm 2025', 'content')).toEqual([]);
  });
});

describe('deadline phrases of appendix tables', () => {
  it.each([
    [
      'Hằng quý, trước ngày 20 của tháng cuối quý',
      [{ kind: 'periodic', every: 'quarter', day: 20, text: 'Hằng quý, trước ngày 20 của tháng cuối quý' }],
    ],
    ['Trước ngày 15 tháng cuối quý', [{ kind: 'periodic', every: 'quarter', day: 15, text: 'Trước ngày 15 tháng cuối quý' }]],
    ['Quý I, II/2026', [{ kind: 'quarter', year: 2026, quarter: 2, text: 'Quý I, II/2026' }]],
    ['Quý III - IV/2026', [{ kind: 'quarter', year: 2026, quarter: 4, text: 'Quý III - IV/2026' }]],
    ['Tháng 10-12/2026', [{ kind: 'month', year: 2026, month: 12, text: 'Tháng 10-12/2026' }]],
    ['Quý IV - 2026', [{ kind: 'quarter', year: 2026, quarter: 4, text: 'Quý IV - 2026' }]],
    [
      'Trước ngày 15/6 và 15/12 hằng năm',
      [
        { kind: 'annual', month: 6, day: 15, text: 'Trước ngày 15/6' },
        { kind: 'annual', month: 12, day: 15, text: '15/12 hằng năm' },
      ],
    ],
    [
      'Báo cáo định kỳ 06 tháng, hằng năm',
      [
        { kind: 'text', text: 'định kỳ 06 tháng' },
        { kind: 'periodic', every: 'year', text: 'hằng năm' },
      ],
    ],
    ['Định kỳ 6 tháng', [{ kind: 'text', text: 'Định kỳ 6 tháng' }]],
  ])('%s', (phrase, expected) => {
    expect(parseDeadlines(phrase)).toEqual(expected);
  });

  it('reads a deadline without its year in the year of an annual plan, and only then', () => {
    const year = { year: 2026 };
    expect(parseDeadlines('Quý II', 'field', year)).toEqual([{ kind: 'quarter', year: 2026, quarter: 2, text: 'Quý II' }]);
    expect(parseDeadlines('Quý III, IV', 'field', year)).toEqual([{ kind: 'quarter', year: 2026, quarter: 4, text: 'Quý III, IV' }]);
    expect(parseDeadlines('Tháng 6', 'field', year)).toEqual([{ kind: 'month', year: 2026, month: 6, text: 'Tháng 6' }]);
    expect(parseDeadlines('Trong tháng 10 - 12', 'field', year)).toEqual([
      { kind: 'month', year: 2026, month: 12, text: 'Trong tháng 10 - 12' },
    ]);
    expect(parseDeadlines('trước 30/6', 'field', year)).toEqual([{ kind: 'date', date: '2026-06-30', text: 'trước 30/6' }]);
    expect(parseDeadlines('Trước ngày 15 tháng 11', 'field', year)).toEqual([
      { kind: 'date', date: '2026-11-15', text: 'Trước ngày 15 tháng 11' },
    ]);
    expect(parseDeadlines('6 tháng đầu năm', 'field', year)).toEqual([{ kind: 'month', year: 2026, month: 6, text: '6 tháng đầu năm' }]);
    // Not a day and month: a date with its own year, a yearly date, a plan of no one year.
    expect(parseDeadlines('trước 30/6/2027', 'field', year)).toEqual([{ kind: 'date', date: '2027-06-30', text: 'trước 30/6/2027' }]);
    expect(parseDeadlines('trước ngày 30/6 hằng năm', 'field', year)).toEqual([
      { kind: 'annual', month: 6, day: 30, text: 'trước ngày 30/6 hằng năm' },
    ]);
    expect(parseDeadlines('Quý II')).toEqual([{ kind: 'text', text: 'Quý II' }]);
    expect(parseDeadlines('trước 30/6')).toEqual([{ kind: 'text', text: 'trước 30/6' }]);
    // In a task's text a month still needs its deadline word.
    expect(parseDeadlines('Tổ chức hội nghị tháng 6 với các đơn vị', 'content', year)).toEqual([]);
  });
});

describe('Vietnamese number words', () => {
  it.each([
    [['mười', 'lăm'], 15],
    [['hai', 'mươi', 'mốt'], 21],
    [['ba', 'mươi'], 30],
    [['hai', 'mươi', 'tư'], 24],
    [['một', 'trăm', 'linh', 'năm'], 105],
    [['hai', 'nghìn', 'không', 'trăm', 'hai', 'mươi', 'sáu'], 2026],
  ])('%j → %i', (words, value) => {
    expect(wordsToNumber(words)).toBe(value);
  });

  it('leaves năm as the word "year" before a year, and "Tư pháp" alone', () => {
    expect(digitizeNumberWords('ngày tháng năm 2025').text).toBe('ngày tháng năm 2025');
    expect(digitizeNumberWords('Sở Tư pháp').text).toBe('sở tư pháp');
    expect(digitizeNumberWords('tháng năm năm 2025').text).toBe('tháng 5 năm 2025');
  });
});
