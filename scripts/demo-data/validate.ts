// Checks the generated fixtures; the generator refuses to write anything that fails.

import { procedureCodeSchema, procedureContentSchema } from '../../src/contract/catalog';
import { checkBasicParts } from '../../src/modules/catalog';
import { FEE_ARTEFACTS } from './parse-fees';
import { legalArtefactsOf } from './parse-legal';
import type { DemoUnit, ProcedureInput } from './procedure-input';
import { UNIT_PLACEHOLDERS } from './procedure-input';

export const UNIT_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
const PROCEDURE_CODE_PATTERN = /^\d\.\d{6}$/;
const INVISIBLE = /[\u200B-\u200F\uFEFF\u00AD\u2060]/;
const UNIT_TYPES = ['province', 'department', 'division', 'commune', 'district', 'desk', 'vertical_agency'];
const PROCEDURE_KEYS: (keyof ProcedureInput)[] = [
  'code',
  'name',
  'field',
  'levels',
  'handlingUnitCodes',
  'receivingUnitCodes',
  'decidingAuthority',
  'coordinatingAgencies',
  'delegations',
  'applicantTypes',
  'applicantsText',
  'methods',
  'steps',
  'components',
  'dossierSets',
  'processingTime',
  'fees',
  'result',
  'resultTemplates',
  'conditions',
  'legalBasis',
  'onlineLevel',
  'locationIndependent',
  'postalEligible',
  'businessRelated',
  'internalGroup',
  'processTemplate',
  'sourceUrl',
  'source',
  'demoGenerated',
];

export function validateUnits(units: DemoUnit[]): string[] {
  const errors: string[] = [];
  const codes = new Set<string>();
  for (const unit of units) {
    if (!UNIT_CODE_PATTERN.test(unit.code)) errors.push(`unit ${unit.code}: code does not match the pattern`);
    if (codes.has(unit.code)) errors.push(`unit ${unit.code}: duplicate code`);
    codes.add(unit.code);
    if (!UNIT_TYPES.includes(unit.type)) errors.push(`unit ${unit.code}: unknown type ${unit.type}`);
    if (!unit.name || !unit.shortName || !unit.address || !unit.validFrom) errors.push(`unit ${unit.code}: missing text field`);
  }
  for (const unit of units) {
    if (unit.parentCode !== null && !codes.has(unit.parentCode)) errors.push(`unit ${unit.code}: unknown parent ${unit.parentCode}`);
    if (unit.successorCode !== null && !codes.has(unit.successorCode)) errors.push(`unit ${unit.code}: unknown successor`);
    if (unit.type === 'district' && (unit.validTo === null || unit.successorCode === null))
      errors.push(`unit ${unit.code}: legacy district without end or successor`);
  }
  if (units.filter((unit) => unit.type === 'province' && unit.parentCode === null).length !== 1)
    errors.push('units: need exactly one root province');
  return errors;
}

function checkTemplate(procedure: ProcedureInput, knownUnit: (code: string) => boolean): string[] {
  const errors: string[] = [];
  const { amount, unit } = procedure.processingTime;
  let total = 0;
  procedure.processTemplate.forEach((step, index) => {
    if (step.order !== index + 1) errors.push('processTemplate: orders are not 1..n');
    if (!knownUnit(step.unitCode)) errors.push(`processTemplate: unknown unit ${step.unitCode}`);
    if (step.budget.unit !== unit) errors.push(`processTemplate: step unit ${step.budget.unit} ≠ ${unit}`);
    if (!(step.budget.amount > 0)) errors.push('processTemplate: a step has no budget');
    total += step.budget.amount;
  });
  if (procedure.processTemplate.length === 0) errors.push('processTemplate: empty');
  if (total !== amount) errors.push(`processTemplate: budgets add up to ${total}, statutory time is ${amount} ${unit}`);
  return errors;
}

function checkProcedure(procedure: ProcedureInput, units: Map<string, DemoUnit>): string[] {
  const errors: string[] = [];
  const knownUnit = (code: string): boolean => units.has(code) || UNIT_PLACEHOLDERS.includes(code);
  for (const key of PROCEDURE_KEYS) if (!(key in procedure)) errors.push(`missing field ${key}`);
  if (!PROCEDURE_CODE_PATTERN.test(procedure.code)) errors.push('bad code');
  if (
    !procedure.name ||
    procedure.name !== procedure.name.normalize('NFC') ||
    INVISIBLE.test(procedure.name) ||
    /\s{2}/.test(procedure.name)
  )
    errors.push('name not clean');
  if (!procedure.field || !procedure.source) errors.push('missing field or source');
  if (procedure.levels.length === 0) errors.push('no level');
  if (procedure.applicantTypes.length === 0) errors.push('no applicant type');
  if (procedure.methods.length === 0) errors.push('no method');
  if (procedure.handlingUnitCodes.length === 0 || !procedure.handlingUnitCodes.every(knownUnit)) errors.push('bad handlingUnitCodes');
  const isDeskOrPlaceholder = (code: string): boolean => code === 'COMMUNE_DESK' || units.get(code)?.type === 'desk';
  const receivingOk =
    procedure.internalGroup !== null && procedure.code.startsWith('5.9')
      ? procedure.receivingUnitCodes.every(knownUnit)
      : procedure.receivingUnitCodes.every(isDeskOrPlaceholder);
  if (procedure.receivingUnitCodes.length === 0 || !receivingOk) errors.push('bad receivingUnitCodes');
  if (!(procedure.processingTime.amount > 0)) errors.push('processing time not positive');
  for (const fee of procedure.fees) {
    if (fee.amountVnd !== null && !(Number.isInteger(fee.amountVnd) && fee.amountVnd >= 0)) errors.push(`bad fee amount ${fee.amountVnd}`);
  }
  for (const component of procedure.components) if (!component.name) errors.push('component without name');
  const allowed = new Set<string>(['*', ...PROCEDURE_KEYS]);
  if (!procedure.demoGenerated.every((name) => allowed.has(name))) errors.push('demoGenerated names an unknown field');
  errors.push(...checkTemplate(procedure, knownUnit));
  return errors.map((error) => `procedure ${procedure.code}: ${error}`);
}

export function validateProcedures(procedures: ProcedureInput[], units: DemoUnit[]): string[] {
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const procedure of procedures) {
    if (seen.has(procedure.code)) errors.push(`procedure ${procedure.code}: duplicate code`);
    seen.add(procedure.code);
    errors.push(...checkProcedure(procedure, byCode));
  }
  return errors;
}

const toContent = ({ code: _code, ...content }: ProcedureInput) =>
  procedureContentSchema.parse({
    ...content,
    processTemplate: content.processTemplate.map((step) => ({
      ...step,
      unitCode: UNIT_PLACEHOLDERS.includes(step.unitCode) ? null : step.unitCode,
    })),
  });

/** The basic parts (NĐ 63 Điều 8) the product would find missing at publication: such a procedure is left out. */
export function missingBasicParts(procedure: ProcedureInput): string[] {
  return checkBasicParts(toContent(procedure)).map((detail) => detail.path.replace(/^procedure\./, ''));
}

/** Parser artefacts that must not reach the fixture: split or glued legal documents, glued fee notes. */
export function findArtefacts(procedures: ProcedureInput[]): string[] {
  return procedures.flatMap((procedure) => [
    ...legalArtefactsOf(procedure.legalBasis).map((problem) => `procedure ${procedure.code}: legal basis ${problem}`),
    ...procedure.fees
      .filter((fee) => fee.text && FEE_ARTEFACTS.test(fee.text))
      .map((fee) => `procedure ${procedure.code}: fee text glued: ${fee.text?.slice(0, 60)}`),
  ]);
}

/** The product's own catalog schema, as the demo loader applies it (placeholder step units become null). */
export function validateAgainstProductSchema(procedures: ProcedureInput[]): string[] {
  const errors: string[] = [];
  for (const { code, ...content } of procedures) {
    if (!procedureCodeSchema.safeParse(code).success) errors.push(`procedure ${code}: code refused by the catalog schema`);
    const parsed = procedureContentSchema.safeParse({
      ...content,
      processTemplate: content.processTemplate.map((step) => ({
        ...step,
        unitCode: UNIT_PLACEHOLDERS.includes(step.unitCode) ? null : step.unitCode,
      })),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(`procedure ${code}: ${issue.path.join('.')}: ${issue.message}`);
    }
  }
  return errors;
}
