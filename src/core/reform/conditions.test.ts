import { describe, expect, it } from 'vitest';
import { isConditionAbolished } from './conditions';

describe('a business condition abolished in the NQ 66 figures', () => {
  it('is the province’s own when abolished, a central one only with the central text that abolished it', () => {
    expect(isConditionAbolished({ status: 'abolished', sourceLevel: 'provincial', abolishedByText: null })).toBe(true);
    expect(isConditionAbolished({ status: 'abolished', sourceLevel: 'central', abolishedByText: null })).toBe(false);
    expect(isConditionAbolished({ status: 'abolished', sourceLevel: 'central', abolishedByText: 'Nghị định 1/2026/NĐ-CP' })).toBe(true);
  });

  it('never counts a simplified or proposed condition as abolished', () => {
    expect(isConditionAbolished({ status: 'simplified', sourceLevel: 'provincial', abolishedByText: null })).toBe(false);
    expect(isConditionAbolished({ status: 'proposed', sourceLevel: 'central', abolishedByText: 'Nghị định 1/2026/NĐ-CP' })).toBe(false);
  });
});
