/*
 * The shipped query set (fixtures/search-queries.txt): citizen queries over the demo catalog with the procedures they
 * want, and the recall figures that bench/search.ts prints and search-quality.test.ts guards. Every third query is
 * held out: it is never looked at while tuning, so its figure tells how the search does on queries not tuned for.
 */
import { readFileSync } from 'node:fs';
import { assetPath } from '../../assets';

export type QueryCase = { kind: string; query: string; wanted: string[]; isHeldOut: boolean };

export function readQueryCases(): QueryCase[] {
  const text = readFileSync(assetPath('src', 'modules', 'catalog', 'fixtures', 'search-queries.txt'), 'utf8');
  const lines = text.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
  return lines.map((line, position) => {
    const [kind, query, wanted] = line.split('|').map((part) => part.trim());
    return { kind: kind!, query: query!, wanted: wanted!.split(/\s+/), isHeldOut: position % 3 === 2 };
  });
}

export type Recall = { cases: number; atOne: number; atFive: number; failures: { query: string; rank: number | null }[] };

/** Recall@1 and recall@5 of ranked code lists, one per case. */
export function measureRecall(cases: QueryCase[], rankings: string[][]): Recall {
  let atOne = 0;
  let atFive = 0;
  const failures: Recall['failures'] = [];
  cases.forEach((entry, position) => {
    const codes = rankings[position] ?? [];
    const rank = codes.findIndex((code) => entry.wanted.includes(code));
    if (rank === 0) atOne++;
    if (rank >= 0 && rank < 5) atFive++;
    else failures.push({ query: entry.query, rank: rank < 0 ? null : rank + 1 });
  });
  return { cases: cases.length, atOne: atOne / Math.max(1, cases.length), atFive: atFive / Math.max(1, cases.length), failures };
}
