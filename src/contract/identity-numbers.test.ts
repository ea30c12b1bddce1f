import { describe, expect, it } from 'vitest';
import { findPersonalIdProblem, findTaxCodeProblem, normalizeTaxCode } from './identity-numbers';

describe('identity numbers', () => {
  it('takes a 12-digit CCCD with a province code and a century digit of someone born', () => {
    expect(findPersonalIdProblem('001095001234')).toBeNull();
    expect(findPersonalIdProblem('096300001234')).toBeNull();
    expect(findPersonalIdProblem('08909500123')).toMatch(/12 chữ số/);
    expect(findPersonalIdProblem('08909500123a')).toMatch(/12 chữ số/);
    expect(findPersonalIdProblem('003095001234')).toMatch(/mã tỉnh/); // 003 is no province
    expect(findPersonalIdProblem('097095001234')).toMatch(/mã tỉnh/);
    expect(findPersonalIdProblem('000095001234')).toMatch(/mã tỉnh/);
    expect(findPersonalIdProblem('001495001234')).toMatch(/thế kỷ/);
  });

  it('takes a 10-digit tax code or a branch code of 13, written with its dash', () => {
    expect(normalizeTaxCode('0101234567001')).toBe('0101234567-001');
    expect(normalizeTaxCode(' 0101234567 ')).toBe('0101234567');
    expect(findTaxCodeProblem('0101234567')).toBeNull();
    expect(findTaxCodeProblem('0101234567-001')).toBeNull();
    expect(findTaxCodeProblem('0101234567-000')).toMatch(/001 đến 999/);
    expect(findTaxCodeProblem('010123456')).toMatch(/10 chữ số/);
    expect(findTaxCodeProblem('0101234567-01')).toMatch(/10 chữ số/);
  });
});
