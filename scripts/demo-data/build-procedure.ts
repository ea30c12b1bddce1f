// One catalog row (+ its full record when there is one) → ProcedureInput.

import {
  deriveInternalGroup,
  deriveLocationIndependent,
  deriveOnlineLevel,
  generatedApplicants,
  normaliseApplicants,
} from './derive-flags';
import { type ComponentStats, dossierSetsOf, GENERATED_COMPONENT, parseComponents } from './parse-components';
import { parseFees } from './parse-fees';
import { parseLegalBasis } from './parse-legal';
import { parseProcessingTime } from './parse-time';
import type { Channel, DecidingAuthority, ProcedureInput, ProcedureLevel, ProcedureMethod } from './procedure-input';
import type { CatalogRow, SourceRecord } from './read-source';
import { type ProcedureRoute, routeProcedure } from './route-procedure';
import { cleanLine, cleanOptional, cleanText, foldForMatch, truncate } from './text';

const PROVINCE_CODE = '000.00.00.H01';

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

/** The authority that decides, when the record's agency names the provincial People's Committee or its chair. */
function decidingAuthorityOf(agency: string, decidedByProvince: boolean): DecidingAuthority | null {
  if (!decidedByProvince) return null;
  const folded = foldForMatch(agency);
  const name = /chu tich (uy ban nhan dan|ubnd)/.test(folded)
    ? 'Chủ tịch UBND tỉnh'
    : /hoi dong nhan dan|hdnd/.test(folded)
      ? 'HĐND tỉnh'
      : 'UBND tỉnh';
  return { name, unitCode: name === 'HĐND tỉnh' ? null : PROVINCE_CODE };
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
  const internalGroup = deriveInternalGroup(row.code);
  if (!record) generated.push('applicantTypes', 'methods', 'steps', 'components', 'postalEligible', 'businessRelated');
  if (internalGroup) generated.push('internalGroup');
  const hasChannel = (channel: Channel): boolean => methods.some((method) => method.channel === channel);
  const components = record ? parseComponents(record, stats) : [GENERATED_COMPONENT];
  const statedSets = record ? dossierSetsOf(record) : null;
  if (statedSets === null) generated.push('dossierSets');
  // Internal procedures are filed by state agencies and their officials.
  const applicants = internalGroup ? (['state_agency'] as const) : applicantTypes;

  const procedure: ProcedureInput = {
    code: row.code,
    name,
    field,
    levels,
    handlingUnitCodes: route.handlingUnitCodes,
    receivingUnitCodes: route.receivingUnitCodes,
    decidingAuthority: decidingAuthorityOf(agency, route.decidedByProvince),
    coordinatingAgencies: [],
    delegations: [],
    applicantTypes: [...applicants],
    applicantsText: record?.applicantsText?.length ? cleanLine(record.applicantsText.join('; ')) : null,
    methods,
    steps: record ? record.steps.map((step) => truncate(cleanText(step), LIMITS.step)).filter((step) => step.length > 0) : GENERATED_STEPS,
    components,
    dossierSets: statedSets ?? 1,
    processingTime,
    fees: record ? parseFees(record.channels) : [],
    result: record ? truncateOptional(resultOf(record), LIMITS.result) : null,
    resultTemplates: [],
    conditions: record ? truncateOptional(cleanOptional(record.conditions), LIMITS.conditions) : null,
    legalBasis: record ? parseLegalBasis(record) : [],
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
