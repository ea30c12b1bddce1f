import { describe, expect, it } from 'vitest';
import { popularityFromCounts } from './popularity';

// The popularity formula (docs/api/search.md, "Popularity"): ln(1 + n) / ln(1 + max).
describe('popularity from dossier counts', () => {
  it('gives 1 to the most used procedure, 0 to one without dossiers, and a logarithmic scale between', () => {
    const popularity = popularityFromCounts({ 'A.1': 9999, 'B.2': 99, 'C.3': 0 });
    expect(popularity('A.1')).toBe(1);
    expect(popularity('B.2')).toBeCloseTo(Math.log(100) / Math.log(10_000), 10);
    expect(popularity('B.2')).toBeCloseTo(0.5, 3);
    expect(popularity('C.3')).toBe(0);
    expect(popularity('D.4')).toBe(0);
  });

  it('weighs nothing while no procedure has dossiers', () => {
    expect(popularityFromCounts({})('A.1')).toBe(0);
    expect(popularityFromCounts({ 'A.1': 0 })('A.1')).toBe(0);
  });
});
