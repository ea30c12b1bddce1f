import { describe, expect, it } from 'vitest';
import type { ReformRow, Snapshot } from './figure-types';
import { computeIndicator, type IndicatorInput } from './indicators';
import { applyReplacements } from './replacements';

const snapshot = (versionNo: number, days: number, options: { isAbolished?: boolean } = {}): Snapshot => ({
  versionId: `v-${versionNo}-${days}`,
  versionNo,
  effectiveFrom: versionNo === 1 ? '2024-01-01' : '2025-07-01',
  decisionNumber: null,
  isAbolished: options.isAbolished ?? false,
  processingTime: { amount: days, unit: 'working_days' },
  hours: options.isAbolished ? 0 : days * 8,
  worksheet: null,
  worksheetFromVersionNo: null,
  replacesCode: null,
});

const row = (code: string, baseline: Snapshot | null, current: Snapshot): ReformRow => ({
  code,
  name: `Thủ tục ${code}`,
  field: 'Hộ tịch',
  businessRelated: false,
  isInternal: false,
  scope: 'province',
  onlineLevel: 'partial',
  locationIndependent: false,
  handlingUnitCodes: ['000.00.03.H01'],
  baseline,
  current,
});

const timeReduction = (rows: ReformRow[]) => {
  const input: IndicatorInput = {
    rows,
    fullOnlineEligible: new Set(),
    componentReuse: new Map(),
    conditions: [],
    regimes: [],
    targets: new Map([['time_reduction', { target: 0.3, source: 'NQ 66/NQ-CP' }]]),
    method: 'unweighted',
    unitNameOf: () => 'Sở Tư pháp',
  };
  return computeIndicator('time_reduction', input);
};

describe('a replaced procedure in the NQ 66 figures', () => {
  // 1.000001 (10 days in 2024) is replaced on 1/7/2025 by 1.000002 (8 days), a code with no 2024 version.
  const oldBaseline = snapshot(1, 10);
  const replaced = row('1.000001', oldBaseline, snapshot(2, 10, { isAbolished: true }));
  const replacing = row('1.000002', null, snapshot(1, 8));

  it('without the link, counts the replaced code as a 100 % cut and the new one as "no 2024 baseline" (the overstatement)', () => {
    const { indicator, items } = timeReduction([replaced, replacing]);
    expect(indicator.value).toBe(1);
    expect(items.find((item) => item.code === '1.000002')?.note).toMatch(/2024/);
  });

  it('compares the new code with the 2024 version of the code it replaced, and drops the replaced code', () => {
    const rows = applyReplacements([replaced, replacing], new Map([['1.000002', ['1.000001']]]), new Map([['1.000001', oldBaseline]]));
    expect(rows.map((item) => item.code)).toEqual(['1.000002']);
    expect(rows[0]!.baseline).toMatchObject({ hours: 80, replacesCode: '1.000001' });
    const { indicator, items } = timeReduction(rows);
    expect(indicator.value).toBeCloseTo(0.2, 10);
    expect(items[0]).toMatchObject({ baseline: 80, current: 64, note: expect.stringMatching(/1\.000001 được thay thế/) });
  });

  it('adds up the 2024 time of several codes merged into one', () => {
    const other = snapshot(1, 6);
    const rows = applyReplacements(
      [replaced, row('1.000003', other, snapshot(2, 6, { isAbolished: true })), replacing],
      new Map([['1.000002', ['1.000001', '1.000003']]]),
      new Map([
        ['1.000001', oldBaseline],
        ['1.000003', other],
      ]),
    );
    expect(rows).toHaveLength(1);
    expect(timeReduction(rows).indicator.value).toBeCloseTo(1 - 64 / 128, 10);
  });
});
