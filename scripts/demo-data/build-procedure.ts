// One catalog row (+ its full record when there is one) → ProcedureInput.

import {
  deriveInternalGroup,
  deriveLocationIndependent,
  deriveOnlineLevel,
  generatedApplicants,
  normaliseApplicants,
} from './derive-flags';
import { type ComponentStats, GENERATED_COMPONENT, parseComponents } from './parse-components';
import { parseFees } from './parse-fees';
import { parseProcessingTime } from './parse-time';
import type { Channel, LegalBasis, ProcedureInput, ProcedureLevel, ProcedureMethod } from './procedure-input';
import type { CatalogRow, SourceRecord } from './read-source';
import { type ProcedureRoute, routeProcedure } from './route-procedure';
import { cleanLine, cleanOptional, cleanText, truncate } from './text';

const LEVEL_ORDER: ProcedureLevel[] = ['province', 'commune', 'ministry'];
/** Field limits of the product's catalog schema (src/modules/catalog/schemas.ts). */
const LIMITS = { name: 1000, methodDescription: 4000, legalNumber: 200, legalTitle: 1000, result: 4000, conditions: 8000, step: 4000 };
const CHANNEL_ORDER: Channel[] = ['direct', 'online', 'postal'];

const GENERATED_STEPS = [
  'Bước 1: Tổ chức, cá nhân nộp hồ sơ tại Bộ phận Một cửa hoặc qua Cổng Dịch vụ công quốc gia.',
  'Bước 2: Cơ quan có thẩm quyền kiểm tra, thẩm định hồ sơ và giải quyết theo quy định.',
  'Bước 3: Trả kết quả cho tổ chức, cá nhân.',
];

export interface BuiltProcedure {
  procedure: ProcedureInput;
  route: ProcedureRoute;
}

function parseLevels(level: string): ProcedureLevel[] {
  const levels = new Set(level.split(';').map((part) => part.trim()));
  return LEVEL_ORDER.filter((candidate) => levels.has(candidate));
}

/** One method per channel; the distinct descriptions of that channel's rows (cases) joined by line breaks. */
function methodsOf(record: SourceRecord): ProcedureMethod[] {
  return CHANNEL_ORDER.flatMap((channel) => {
    const rows = record.channels.filter((row) => row.kind === channel);
    if (rows.length === 0) return [];
    const descriptions = [...new Set(rows.map((row) => cleanOptional(row.description)).filter((text): text is string => text !== null))];
    const description = descriptions.length > 0 ? truncate(descriptions.join('\n'), LIMITS.methodDescription) : null;
    return [{ channel, description }];
  });
}

/** A legal document without a number: take the last "số/năm/ký hiệu" found in its title, else the title. */
function numberFromTitle(title: string): string {
  const numbers = title.match(/\d{1,4}\/\d{4}\/[A-ZĐ0-9][A-ZĐ0-9/-]*/g);
  return truncate(numbers?.at(-1) ?? title, LIMITS.legalNumber);
}

function legalBasisOf(record: SourceRecord): LegalBasis[] {
  const seen = new Set<string>();
  const basis: LegalBasis[] = [];
  for (const entry of record.legalBasis) {
    const title = entry.title ? truncate(cleanLine(entry.title), LIMITS.legalTitle) || null : null;
    const number = entry.number ? truncate(cleanLine(entry.number), LIMITS.legalNumber) : title ? numberFromTitle(title) : '';
    if (!number) continue;
    const key = `${number}|${title ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    basis.push({ number, title, date: entry.date ?? null });
  }
  return basis;
}

function resultOf(record: SourceRecord): string | null {
  const result = cleanOptional(record.result);
  if (result) return result;
  const names = (record.results ?? []).map((entry) => cleanLine(entry.name)).filter((name) => name.length > 0);
  return names.length > 0 ? names.join('; ') : null;
}

const truncateOptional = (value: string | null, max: number): string | null => (value === null ? null : truncate(value, max));

function generatedMethods(levels: ProcedureLevel[]): ProcedureMethod[] {
  const channels: Channel[] = levels.includes('province') ? ['direct', 'online', 'postal'] : ['direct', 'online'];
  return channels.map((channel) => ({ channel, description: null }));
}

export function buildProcedure(row: CatalogRow, record: SourceRecord | undefined, stats: ComponentStats): BuiltProcedure {
  const levels = parseLevels(row.level);
  const name = truncate(cleanLine(row.name || record?.name || ''), LIMITS.name);
  const field = cleanLine(row.field);
  const agency = cleanLine(row.agency || record?.agency || '');
  const isCommuneOnly = !levels.includes('province');
  const processingTime = parseProcessingTime(record, row, isCommuneOnly);
  const route = routeProcedure({ field, agency, name, levels, time: processingTime });
  const generated = ['onlineLevel', 'locationIndependent', 'processTemplate', 'handlingUnitCodes', 'receivingUnitCodes'];
  if (processingTime.isDefault) generated.push('processingTime');

  const methods = record ? methodsOf(record) : generatedMethods(levels);
  const applicantTypes = record ? normaliseApplicants(record.applicants) : generatedApplicants(field);
  const internalGroup = deriveInternalGroup(row.code, agency);
  if (!record) generated.push('applicantTypes', 'methods', 'steps', 'components', 'postalEligible', 'businessRelated');
  if (internalGroup) generated.push('internalGroup');
  const hasChannel = (channel: Channel): boolean => methods.some((method) => method.channel === channel);
  const components = record ? parseComponents(record, stats) : [GENERATED_COMPONENT];

  const procedure: ProcedureInput = {
    code: row.code,
    name,
    field,
    levels,
    handlingUnitCodes: route.handlingUnitCodes,
    receivingUnitCodes: route.receivingUnitCodes,
    applicantTypes,
    applicantsText: record?.applicantsText?.length ? cleanLine(record.applicantsText.join('; ')) : null,
    methods,
    steps: record ? record.steps.map((step) => truncate(cleanText(step), LIMITS.step)).filter((step) => step.length > 0) : GENERATED_STEPS,
    components,
    processingTime,
    fees: record ? parseFees(record.channels) : [],
    result: record ? truncateOptional(resultOf(record), LIMITS.result) : null,
    conditions: record ? truncateOptional(cleanOptional(record.conditions), LIMITS.conditions) : null,
    legalBasis: record ? legalBasisOf(record) : [],
    onlineLevel: deriveOnlineLevel(field, name, hasChannel('online')),
    locationIndependent: deriveLocationIndependent(row.code, field, levels),
    postalEligible: hasChannel('postal'),
    businessRelated: row.business_related ? row.business_related === 'yes' : applicantTypes.includes('business'),
    internalGroup,
    processTemplate: route.processTemplate,
    sourceUrl: record?.portalUrl ?? null,
    source: cleanLine(row.source || record?.source || ''),
    demoGenerated: [...new Set(generated)].sort(),
  };
  return { procedure, route };
}
