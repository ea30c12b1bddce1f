import type { PlanDeadline } from '../../contract/plans';
import { type DigitizedText, digitizeNumberWords, originalSpan } from './number-words';

/**
 * Vietnamese deadline phrases → structured deadlines (docs/plan-import.md, "Deadlines"). The rules run on the text
 * lower-cased with its number words in digits, in order of precedence: a span taken by one rule is not read again
 * by a later one ("trước ngày 15 tháng 7 năm 2025" is one date, not also a year). Each deadline keeps the phrase as
 * written, with the preposition that introduces it.
 *
 * `field` mode reads a deadline field (a "Thời hạn hoàn thành" line, a table's deadline cell): every phrase counts.
 * `content` mode reads a task's own text, where dates are often about something else ("Nghị định … ngày
 * 23/10/2024"): a date, month, quarter or year counts only after a deadline word (trước, chậm nhất, hoàn thành…).
 */
export type DeadlineMode = 'field' | 'content';
/**
 * What the document says around its deadlines: `year`, the one year an annual plan's title names ("… năm 2026"),
 * which a deadline without its year means ("Quý II", "Tháng 6", "trước 30/6", "6 tháng đầu năm").
 */
export type DeadlineContext = { year?: number | null };

/** A deadline without its phrase (Omit does not distribute over a union by itself). */
type DeadlineValue = PlanDeadline extends infer D ? (D extends PlanDeadline ? Omit<D, 'text'> : never) : never;
type Found = { from: number; to: number; deadline: PlanDeadline };
type Rule = {
  pattern: RegExp;
  /** Whether the rule applies in content mode without a deadline word before it. */
  isCueless?: boolean;
  build(match: RegExpExecArray, context: DeadlineContext): DeadlineValue | null;
};

const CUE = '(?:(?:chậm nhất|trước|đến|vào|trong|là|hết|cuối)\\s+)*';
const DATE_CUE = `${CUE}(?:ngày\\s+)?`;
const CONTENT_CUE =
  /(?:(?:chậm nhất|trước|hoàn thành|xong|hoàn tất|đến hết|trong)\s*:?|(?:thời hạn|thời gian|tiến độ)(?:\s+(?:hoàn thành|thực hiện))?\s*:)\s*$/;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
/** A quarter's number, roman or not; a list or range of them ("I, II", "III - IV", "I và II") is due with its last. */
const QUARTER = '(?:iv|i{1,3}|[1-4])(?![\\dv])';
const QUARTERS = `(${QUARTER}(?:\\s*(?:,|-|–|và|đến)\\s*(?:quý\\s+)?${QUARTER})*)`;
function lastQuarter(list: string): number {
  const all = list.match(/iv|i{1,3}|[1-4]/g) ?? [];
  return ROMAN[all[all.length - 1] as string] ?? 1;
}
/** A half-year rhythm ("định kỳ 6 tháng", "06 tháng một lần"): `every` has no such period, the phrase is kept. */
const HALF_YEARLY = /(?:định kỳ|hằng|hàng|mỗi)\s+0?6\s+tháng(?!\s+(?:đầu|cuối))(?:\s+(?:một lần|1 lần))?|0?6\s+tháng\s+(?:một|1)\s+lần/gu;
const PERIODS: Record<string, 'week' | 'month' | 'quarter' | 'year'> = {
  tuần: 'week',
  tháng: 'month',
  quý: 'quarter',
  quí: 'quarter',
  năm: 'year',
};

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > lastDay) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isValidDayMonth(month: number, day: number): boolean {
  return isoDate(2024, month, day) !== null; // a leap year: 29/2 recurs
}

function eventAfter(value: string | undefined): string {
  return (value ?? '')
    .trim()
    .replace(/^ngày\s+(?=\p{L})/u, '')
    .replace(/[\s,;.]+$/, '');
}

const RULES: Rule[] = [
  {
    // "trong 10 ngày làm việc kể từ ngày nhận được …", "chậm nhất 03 tháng sau khi …"
    pattern:
      /(?:trong\s+(?:thời hạn\s+|vòng\s+)?|chậm nhất\s+(?:là\s+)?|sau\s+|không quá\s+)(\d{1,3})\s+(ngày làm việc|ngày|tháng)\s+(?:kể từ(?:\s+khi)?|sau khi|sau|từ khi)\s+([^;.]+)/gu,
    isCueless: true,
    build: (m) => ({
      kind: 'relative',
      amount: Number(m[1]),
      unit: m[2] === 'ngày làm việc' ? 'working_days' : m[2] === 'tháng' ? 'months' : 'days',
      after: eventAfter(m[3]),
    }),
  },
  {
    // "hằng năm trước ngày 15/6", "hằng năm, chậm nhất ngày 15 tháng 12"
    pattern: new RegExp(
      `(?:hằng|hàng|mỗi)\\s+năm,?\\s+${DATE_CUE}(\\d{1,2})(?:\\s*[/.-]\\s*|\\s+tháng\\s+)(\\d{1,2})(?!\\s*[/.-]\\s*\\d|\\s+năm\\s+\\d)`,
      'gu',
    ),
    isCueless: true,
    build: (m) => annual(Number(m[2]), Number(m[1])),
  },
  {
    // "trước ngày 15/6 hằng năm"
    pattern: new RegExp(`${DATE_CUE}(\\d{1,2})(?:\\s*[/.-]\\s*|\\s+tháng\\s+)(\\d{1,2})\\s+(?:hằng|hàng|mỗi)\\s+năm`, 'gu'),
    isCueless: true,
    build: (m) => annual(Number(m[2]), Number(m[1])),
  },
  {
    // "trước ngày 15/6 và 15/12 hằng năm": each day of the list recurs (the last one is read by the rule below)
    pattern: new RegExp(
      `${DATE_CUE}(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?=(?:\\s*(?:,|và)\\s*(?:ngày\\s+)?\\d{1,2}\\s*[/.-]\\s*\\d{1,2})+\\s+(?:hằng|hàng|mỗi)\\s+năm)`,
      'gu',
    ),
    isCueless: true,
    build: (m) => annual(Number(m[2]), Number(m[1])),
  },
  {
    // "trước ngày 20 của tháng cuối quý", "hằng quý, chậm nhất ngày 15 tháng cuối quý"
    pattern: new RegExp(`${DATE_CUE}(\\d{1,2})\\s+(?:của\\s+)?tháng\\s+cuối\\s+(?:của\\s+)?(?:mỗi\\s+|hằng\\s+)?(?:quý|quí)`, 'gu'),
    isCueless: true,
    build: (m) => {
      const day = Number(m[1]);
      return day >= 1 && day <= 31 ? { kind: 'periodic', every: 'quarter', day } : null;
    },
  },
  {
    pattern: HALF_YEARLY,
    isCueless: true,
    build: () => ({ kind: 'text' }),
  },
  {
    // "trước ngày 20 hằng tháng", "ngày 25 hằng quý"
    pattern: new RegExp(`${DATE_CUE}(\\d{1,2})\\s+(?:của\\s+)?(?:hằng|hàng|mỗi)\\s+(tuần|tháng|quý|quí)`, 'gu'),
    isCueless: true,
    build: (m) => {
      const every = PERIODS[m[2] as string] ?? 'month';
      const day = Number(m[1]);
      // A day of the week's is not a date ("ngày 2 hằng tuần"): kept without it.
      return every === 'week' || day < 1 || day > 31 ? { kind: 'periodic', every } : { kind: 'periodic', every, day };
    },
  },
  {
    // "hằng tháng, trước ngày 20", "định kỳ hằng quý (chậm nhất ngày 15)": the rhythm first, then its day — a day
    // alone, not a date ("hằng quý, trước ngày 15/12" is a date; "tháng cuối quý" is read above).
    pattern:
      /(?:định kỳ\s+)?(?:hằng|hàng|mỗi)\s+(tháng|quý|quí)\s*[,;:(–-]?\s*(?:báo cáo\s+)?(?:chậm nhất|trước|vào)\s+(?:ngày\s+)?(\d{1,2})(?![\d/.-]|\s*[/.-]\s*\d|\s+(?:của\s+)?tháng|\s+năm)/gu,
    isCueless: true,
    build: (m) => {
      const day = Number(m[2]);
      return day >= 1 && day <= 31 ? { kind: 'periodic', every: PERIODS[m[1] as string] ?? 'month', day } : null;
    },
  },
  {
    // "trước ngày 30/4/2025", "ngày 15 tháng 7 năm 2025"
    pattern: new RegExp(`${DATE_CUE}(\\d{1,2})(?:\\s*([/.-])\\s*(\\d{1,2})\\s*\\2\\s*|\\s+tháng\\s+(\\d{1,2}),?\\s+năm\\s+)(\\d{4})`, 'gu'),
    build: (m) => {
      const date = isoDate(Number(m[5]), Number(m[3] ?? m[4]), Number(m[1]));
      return date ? { kind: 'date', date } : null;
    },
  },
  {
    // "trước 30/6", "trước ngày 15 tháng 12" in an annual plan: that day of the plan's year
    pattern: new RegExp(
      `(?<!tháng\\s*)${DATE_CUE}(\\d{1,2})(?:\\s*[/.]\\s*|\\s+tháng\\s+)(\\d{1,2})(?![\\d/-]|\\.\\d|\\s+năm|\\s+(?:hằng|hàng|mỗi))`,
      'gu',
    ),
    build: (m, context) => {
      const date = context.year ? isoDate(context.year, Number(m[2]), Number(m[1])) : null;
      return date ? { kind: 'date', date } : null;
    },
  },
  {
    // "6 tháng đầu năm 2025" (by the end of June), "6 tháng cuối năm 2025"
    pattern: new RegExp(`${CUE}0?6\\s+tháng\\s+(đầu|cuối)\\s+năm(?:\\s+(\\d{4}))?`, 'gu'),
    build: (m, context) => {
      const year = m[2] ? Number(m[2]) : context.year;
      return year ? { kind: 'month', year, month: m[1] === 'đầu' ? 6 : 12 } : null;
    },
  },
  {
    // "Quý III/2025", "trong quý 2 năm 2026", "quý IV-2025"
    pattern: new RegExp(`${CUE}(?:quý|quí)\\s+${QUARTERS}(?:\\s*[/-]\\s*|,?\\s+năm\\s+)(\\d{4})`, 'gu'),
    build: (m) => ({ kind: 'quarter', year: Number(m[2]), quarter: lastQuarter(m[1] as string) }),
  },
  {
    // "Quý II" in an annual plan: that quarter of the plan's year
    pattern: new RegExp(`${CUE}(?:quý|quí)\\s+${QUARTERS}(?![\\p{L}\\d]|\\s*[/-]\\s*\\d|,?\\s+năm)`, 'gu'),
    build: (m, context) => (context.year ? { kind: 'quarter', year: context.year, quarter: lastQuarter(m[1] as string) } : null),
  },
  {
    // "tháng 9/2025", "trong tháng 12 năm 2025"
    pattern: new RegExp(`${CUE}tháng\\s+(?:\\d{1,2}\\s*[-–]\\s*)?(\\d{1,2})(?:\\s*[/.-]\\s*|,?\\s+năm\\s+)(\\d{4})`, 'gu'),
    build: (m) => {
      const month = Number(m[1]);
      return month >= 1 && month <= 12 ? { kind: 'month', year: Number(m[2]), month } : null;
    },
  },
  {
    // "Tháng 6", "trong tháng 10 - 12" in an annual plan: that month of the plan's year
    pattern: new RegExp(`${CUE}tháng\\s+(?:\\d{1,2}\\s*[-–]\\s*)?(\\d{1,2})(?![\\p{L}\\d]|\\s*[/.-]\\s*\\d|,?\\s+năm)`, 'gu'),
    build: (m, context) => {
      const month = Number(m[1]);
      return context.year && month >= 1 && month <= 12 ? { kind: 'month', year: context.year, month } : null;
    },
  },
  {
    // "định kỳ hằng quý", "hằng tháng", "mỗi tuần", "định kỳ hằng năm"
    pattern: /(?:định kỳ\s+)?(?:hằng|hàng|mỗi)\s+(tuần|tháng|quý|quí|năm)|định kỳ\s+(tuần|tháng|quý|quí|năm)/gu,
    isCueless: true,
    build: (m) => ({ kind: 'periodic', every: PERIODS[(m[1] ?? m[2]) as string] ?? 'year' }),
  },
  {
    // "theo quý, năm", "theo tháng" (a report's rhythm)
    pattern: /(?:báo cáo\s+)?theo\s+(tháng|quý|quí)(?=[\s,;.]|$)/gu,
    isCueless: true,
    build: (m) => ({ kind: 'periodic', every: PERIODS[m[1] as string] ?? 'month' }),
  },
  {
    pattern: /thường xuyên|liên tục|hằng ngày|hàng ngày/gu,
    isCueless: true,
    build: () => ({ kind: 'ongoing' }),
  },
  {
    // "2025-2026", "giai đoạn 2025 - 2026", "năm 2025 – 2026": done by the end of the range
    pattern: new RegExp(`${CUE}(?:(?:giai đoạn|các năm|năm)\\s+)?(20\\d{2})\\s*[-–]\\s*(20\\d{2})(?!\\d)`, 'gu'),
    build: (m) => (Number(m[2]) > Number(m[1]) ? { kind: 'year', year: Number(m[2]) } : null),
  },
  {
    // "năm 2026", "trong năm 2025", "đến năm 2026", "cuối năm 2025"
    pattern: new RegExp(`${CUE}năm\\s+(\\d{4})(?!\\d)`, 'gu'),
    build: (m) => ({ kind: 'year', year: Number(m[1]) }),
  },
  {
    // a bare year in a deadline field or cell: "2025", "Trước 2026"
    pattern: new RegExp(`${CUE}(?<![\\d/.-])(20\\d{2})(?![\\d/.-])`, 'gu'),
    build: (m) => ({ kind: 'year', year: Number(m[1]) }),
  },
];

function annual(month: number, day: number): DeadlineValue | null {
  return isValidDayMonth(month, day) ? { kind: 'annual', month, day } : null;
}

/** Kinds more precise than a bare year: a clause that has one of them names its years only as context. */
const PRECISE_KINDS = new Set(['date', 'quarter', 'month', 'relative', 'annual']);

/** Every deadline in `value`, in reading order. */
export function parseDeadlines(value: string, mode: DeadlineMode = 'field', context: DeadlineContext = {}): PlanDeadline[] {
  const original = value.normalize('NFC');
  const digitized = digitizeNumberWords(original);
  const results: PlanDeadline[] = [];
  // Clauses: a ";" separates two deadlines for two parts of the work ("… 2025; đối với … đến năm 2026").
  let clauseStart = 0;
  for (const clause of digitized.text.split(';')) {
    const found = findInClause(clause, clauseStart, digitized, original, mode, context);
    const hasPrecise = found.some((item) => PRECISE_KINDS.has(item.deadline.kind));
    for (const item of found) {
      if (hasPrecise && item.deadline.kind === 'year') continue;
      results.push(item.deadline);
    }
    clauseStart += clause.length + 1;
  }
  const unique = dedupe(results);
  if (unique.length === 0 && mode === 'field') {
    const text = original
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[.;,]$/, '');
    if (/[\p{L}\d]/u.test(text)) return [{ kind: 'text', text }];
  }
  return unique;
}

function findInClause(
  clause: string,
  offset: number,
  digitized: DigitizedText,
  original: string,
  mode: DeadlineMode,
  context: DeadlineContext,
): Found[] {
  const taken: Found[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(clause); match; match = rule.pattern.exec(clause)) {
      let from = match.index;
      const to = match.index + match[0].length;
      if (match[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      // Trim the white space a cue's optional groups may leave at the start.
      while (clause[from] === ' ') from++;
      if (taken.some((item) => from < item.to && to > item.from)) continue;
      if (!isWordStart(clause, from)) continue;
      if (mode === 'content' && !rule.isCueless && !hasCue(match[0], clause.slice(0, from))) continue;
      const built = rule.build(match, context);
      if (!built) continue;
      const text = originalSpan(digitized, original, offset + from, offset + to).trim();
      if (built.kind === 'relative' && match[3]) {
        // The event as written (the rules read a lower-cased copy).
        const eventStart = match.index + match[0].lastIndexOf(match[3]);
        built.after = eventAfter(originalSpan(digitized, original, offset + eventStart, offset + to));
      }
      taken.push({ from, to, deadline: { ...built, text } as PlanDeadline });
    }
  }
  taken.sort((a, b) => a.from - b.from);
  // "Định kỳ hằng quý, trước ngày 20 của tháng cuối quý": one rhythm, with its day; the phrase spans both.
  for (const item of taken) {
    const { deadline } = item;
    if (deadline.kind !== 'periodic' || deadline.day !== undefined) continue;
    const dated = taken.find(
      (other) => other.deadline.kind === 'periodic' && other.deadline.every === deadline.every && other.deadline.day !== undefined,
    );
    if (!dated) continue;
    const from = Math.min(item.from, dated.from);
    const to = Math.max(item.to, dated.to);
    dated.deadline = { ...dated.deadline, text: originalSpan(digitized, original, offset + from, offset + to).trim() };
    item.to = -1; // dropped below
  }
  return taken.filter((item) => item.to >= 0);
}

function isWordStart(clause: string, at: number): boolean {
  return at === 0 || !/[\p{L}\d]/u.test(clause[at - 1] as string);
}

function hasCue(matched: string, before: string): boolean {
  return /^(hoàn thành|xong|hoàn tất|chậm nhất|trước|đến|trong|hết|cuối)/.test(matched.trim()) || CONTENT_CUE.test(before);
}

function dedupe(deadlines: PlanDeadline[]): PlanDeadline[] {
  const seen = new Set<string>();
  return deadlines.filter((deadline) => {
    const { text: _text, ...rest } = deadline;
    const key = JSON.stringify(rest);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
