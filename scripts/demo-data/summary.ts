// Printed summary of a generator run, and the check that the procedures the seed plans and the
// brief name are present.

import type { ComponentStats } from './parse-components';
import type { DemoUnit, ProcedureInput } from './procedure-input';
import type { ProcedureRoute } from './route-procedure';
import { foldForMatch } from './text';

/** Procedures the plans in /work/shared/seeds act on (Sở Tư pháp sectors, business, construction). */
export const REQUIRED_PROCEDURES: { label: string; test: (p: ProcedureInput) => boolean }[] = [
  { label: 'Lý lịch tư pháp', test: (p) => p.field === 'Lý lịch tư pháp' },
  { label: 'Hộ tịch: đăng ký khai sinh', test: (p) => p.field === 'Hộ tịch' && foldForMatch(p.name).includes('dang ky khai sinh') },
  { label: 'Hộ tịch: đăng ký kết hôn', test: (p) => p.field === 'Hộ tịch' && foldForMatch(p.name).includes('dang ky ket hon') },
  { label: 'Hộ tịch: đăng ký khai tử', test: (p) => p.field === 'Hộ tịch' && foldForMatch(p.name).includes('dang ky khai tu') },
  { label: 'Chứng thực', test: (p) => p.field === 'Chứng thực' },
  { label: 'Nuôi con nuôi', test: (p) => p.field === 'Nuôi con nuôi' },
  { label: 'Đăng ký biện pháp bảo đảm', test: (p) => p.field === 'Đăng ký biện pháp bảo đảm' },
  ...[
    'Công chứng',
    'Luật sư',
    'Đấu giá tài sản',
    'Giám định tư pháp',
    'Thừa phát lại',
    'Trợ giúp pháp lý',
    'Quốc tịch',
    'Trọng tài thương mại',
    'Hòa giải thương mại',
    'Quản tài viên',
    'Bồi thường nhà nước',
    'Hòa giải ở cơ sở',
    'Thành lập và hoạt động của doanh nghiệp',
    'Hoạt động xây dựng',
    'Môi trường',
  ].map((field) => ({ label: field, test: (p: ProcedureInput) => p.field === field })),
  { label: 'TTHC nội bộ (5.*)', test: (p) => p.internalGroup !== null },
];

const count = <T>(items: T[], key: (item: T) => string): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
};

export function checkRequiredProcedures(procedures: ProcedureInput[]): { lines: string[]; missing: string[] } {
  const lines: string[] = [];
  const missing: string[] = [];
  for (const required of REQUIRED_PROCEDURES) {
    const found = procedures.filter(required.test);
    lines.push(
      `  ${found.length > 0 ? '✓' : '✗'} ${required.label}: ${found.length}${found[0] ? ` (e.g. ${found[0].code} ${found[0].name.slice(0, 70)})` : ''}`,
    );
    if (found.length === 0) missing.push(required.label);
  }
  return { lines, missing };
}

export function summarise(procedures: ProcedureInput[], routes: ProcedureRoute[], units: DemoUnit[], stats: ComponentStats): string[] {
  const unitName = new Map(units.map((unit) => [unit.code, unit.name]));
  const handlers = count(routes, (route) => `${route.assignment.ref} [${route.assignment.reason}]`);
  const byFirstHandler = count(procedures, (p) => unitName.get(p.handlingUnitCodes[0] ?? '') ?? p.handlingUnitCodes[0] ?? '?');
  const fees = procedures.flatMap((p) => p.fees);
  return [
    `procedures: ${procedures.length} (source ${procedures.filter((p) => !p.demoGenerated.includes('*')).length}, internal demo ${procedures.filter((p) => p.demoGenerated.includes('*')).length})`,
    `by level: ${JSON.stringify(count(procedures, (p) => p.levels.join(';')))}`,
    `fields: ${new Set(procedures.map((p) => p.field)).size}`,
    `default processing time: ${procedures.filter((p) => p.processingTime.isDefault).length}; units ${JSON.stringify(count(procedures, (p) => p.processingTime.unit))}`,
    `onlineLevel: ${JSON.stringify(count(procedures, (p) => p.onlineLevel))}`,
    `locationIndependent: ${procedures.filter((p) => p.locationIndependent).length}; postalEligible: ${procedures.filter((p) => p.postalEligible).length}; businessRelated: ${procedures.filter((p) => p.businessRelated).length}`,
    `decided by UBND tỉnh (9-step template): ${routes.filter((route) => route.decidedByProvince).length}`,
    `without full record (catalog only): ${procedures.filter((p) => p.demoGenerated.includes('steps') && !p.demoGenerated.includes('*')).length}`,
    `components kept ${stats.kept}, notes dropped ${stats.droppedNotes}, headings folded into group ${stats.foldedHeadings}`,
    `fees: ${fees.length} entries, amount known ${fees.filter((fee) => fee.amountVnd !== null).length} (of which 0 đ: ${fees.filter((fee) => fee.amountVnd === 0).length})`,
    `units: ${units.length} ${JSON.stringify(count(units, (unit) => unit.type))}`,
    'first handling unit (lead unit; COMMUNE = every commune UBND):',
    ...Object.entries(byFirstHandler).map(([name, n]) => `  ${String(n).padStart(4)}  ${name}`),
    'mapping refs:',
    ...Object.entries(handlers).map(([ref, n]) => `  ${String(n).padStart(4)}  ${ref}`),
  ];
}
