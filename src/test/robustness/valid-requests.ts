/**
 * A valid request for every operation, generated from its JSON schema (valid.test.ts sends them as a logged-in
 * admin). The schema says the shape; what it cannot say comes from the run itself: the record an `{id}` names is
 * the one the collection's POST created earlier in the run (or a demo record), and `version` is that record's
 * current version. A few operations whose meaning no schema carries get an explicit override, listed below.
 */

import { createHmac } from 'node:crypto';
import { planBody } from '../factories';
import type { JsonSchema, Operation, Parameter } from './openapi';
import { labelOf } from './openapi';
import type { HostileRequest } from './requests';
import { buildUrl, JSON_TYPE } from './requests';
import { nonNullOption, sampleString, typeOf } from './samples';

/** Patterns' examples for valid records: codes no demo record uses, so that creating them succeeds. */
const FRESH_PATTERN_EXAMPLES = [
  '2026-03-02',
  '08:00',
  '06-15',
  '9.990001',
  'ZZ.99.H99.99',
  'robustness.user',
  '0912 345 678',
  '001234567890',
  '0123456789',
  'robustness@example.vn',
];

export type ValidContext = {
  /** A unit that handles `procedureCode`, so that proposals and worksheets of that unit may name it. */
  unitId: string;
  unitCode: string;
  procedureCode: string;
  latestVersionNo: number;
  /** Demo records for collections whose POST the run does not make (or makes after them). */
  fallbackIds: Record<string, string>;
  adminUsername: string;
  adminPassword: string;
  /** Dossier records made before the run (valid.test.ts): what an `{id}`, a code or an own upload must name. */
  dossiers?: DossierContext;
  /** Codes read from the outbox before the run: a registration to verify, one to send again, a password reset. */
  codes: { verify: { token: string; code: string }; resendToken: string; reset: { token: string; code: string } };
};

export type DossierContext = {
  /** An accepted desk dossier and one of its files. */
  dossierId: string;
  fileId: string;
  code: string;
  idNumber: string;
  handlingUnitCode: string;
  /** The procedure of the run's dossiers: one the run's other requests do not publish new versions of. */
  procedureCode: string;
  /** An upload of the desk officer not attached to any dossier. */
  ownUploadId: string;
  /** The positions of the version's required components (at least one position), and the citizen's uploads for them. */
  positions: number[];
  citizenUploadIds: string[];
  portalSecret: string;
  /** An evidence file uploaded for plan reports, and the task-unit of the saved plan's first task. */
  evidenceFileId?: string;
  taskUnitId?: string;
  /** A task of another plan, nothing reported on it, for DELETE /api/plans/tasks/{id} (the saved plan's task is used on). */
  spareTaskId?: string;
  /** Two comments of the administrator on the saved plan's task: one to edit, one to delete (in either order). */
  commentIds?: { edit: string; delete: string };
  /** A task whose first deadline counts from an event (PUT /api/plans/tasks/{id}/deadlines/{index}/event). */
  eventTaskId?: string;
};

/**
 * Operations that the administrator may not do (administrators read everything but act on nothing): the demo user
 * whose role does them sends their valid request.
 */
export const ACTING_USERS: Record<string, string> = {
  'POST /api/dossiers': 'tiepnhan',
  'POST /api/dossier-files': 'tiepnhan',
  'GET /api/dossier-files/{fileId}': 'tiepnhan',
  'GET /api/my/dossiers': 'congdan',
  'GET /api/my/dossiers/{id}': 'congdan',
  'POST /api/my/dossiers': 'congdan',
  'POST /api/dossiers/{id}/actions': 'tiepnhan',
};

/**
 * A saved plan with one task led by the context's unit (POST /api/plans; docs/api/plans.md): the factories' plan
 * (`planBody`), without a number, of 2/3/2026, the unit written "Đơn vị chủ trì".
 */
export function planSaveBody(unitId: string, title = 'Kế hoạch kiểm thử độ bền') {
  return planBody({ id: unitId, name: 'Đơn vị chủ trì' }, { plan: { number: null, date: '2026-03-02', title } });
}

const MINIMAL_PDF_BASE64 = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
const validApplicant = { kind: 'individual', fullName: 'Người nộp kiểm thử độ bền', idNumber: '001234567890' };

/** Meanings that no schema carries: "METHOD path" → fields that replace the generated ones. */
const BODY_OVERRIDES: Record<string, (context: ValidContext, generated: Record<string, unknown>) => Record<string, unknown>> = {
  'POST /api/auth/login': (context) => ({ username: context.adminUsername, password: context.adminPassword }),
  // A registration needs an e-mail or a phone to send its code to (both are nullable in the schema).
  'POST /api/auth/register': () => ({ identityNumber: '001095009876', email: 'robustness@example.vn' }),
  // A code exists only in a message: the run reads them from the outbox beforehand (valid.test.ts).
  'POST /api/auth/register/verify': (context) => context.codes.verify,
  'POST /api/auth/register/resend': (context) => ({ token: context.codes.resendToken }),
  // One's own account is a citizen's (valid.test.ts sends it as the demo citizen), who keeps a contact and their number.
  'PATCH /api/auth/me/profile': () => ({ identityNumber: '089095001234', phone: '0912345678' }),
  'POST /api/auth/password-reset/confirm': (context) => ({ ...context.codes.reset, newPassword: 'Mat-khau-do-ben-2026' }),
  // A synonym's two sides must differ: generated samples are all the same text.
  'POST /api/search/synonyms': () => ({ term: 'giấy chào đời', expansion: 'đăng ký khai sinh' }),
  'PUT /api/search/synonyms/{id}': () => ({ term: 'giấy chào đời', expansion: 'đăng ký khai tử' }),
  // A code already in the catalog takes an amending decision (the generated enum value is "new").
  'POST /api/procedures/{code}/versions': (_context, generated) => ({
    decision: { ...(generated.decision as object), type: 'amended' },
  }),
  // Each decision publishes a code of its own (the preview writes nothing, but the run's order is not fixed).
  'POST /api/decisions/preview': (_context, generated) => ({
    decision: { ...(generated.decision as object), number: '902/QĐ-KTĐB' },
    items: freshItems(generated, '9.990002'),
  }),
  'POST /api/decisions': (_context, generated) => ({ items: freshItems(generated, '9.990003') }),
  'POST /api/decisions/flags': (_context, generated) => ({ decision: { ...(generated.decision as object), number: '903/QĐ-KTĐB' } }),
  // A supplement request needs no component: valid whatever the demo procedure asks for.
  'POST /api/dossiers': (context) => ({
    procedureCode: context.dossiers?.procedureCode ?? context.procedureCode,
    handlingUnitCode: context.dossiers?.handlingUnitCode ?? null,
    receivingUnitCode: null,
    applicant: validApplicant,
    components: [],
    decision: { action: 'request_supplement', reason: 'Kiểm thử độ bền', positions: [], items: ['Bổ sung đơn'] },
  }),
  'POST /api/my/dossiers': (context) => ({
    procedureCode: context.dossiers?.procedureCode ?? context.procedureCode,
    handlingUnitCode: context.dossiers?.handlingUnitCode ?? null,
    applicant: validApplicant,
    components: (context.dossiers?.positions ?? []).map((position, index) => ({
      position,
      presence: 'file',
      fileIds: [context.dossiers!.citizenUploadIds[index]],
      reusedFrom: null,
    })),
  }),
  'POST /api/integrations/national-portal/dossiers': (context) => ({
    portalRef: 'KIEM-THU-DO-BEN-1',
    procedureCode: context.dossiers?.procedureCode ?? context.procedureCode,
    handlingUnitCode: context.dossiers?.handlingUnitCode ?? null,
    submittedAt: '2026-03-02T09:15:00+07:00',
    applicant: validApplicant,
    components: (context.dossiers?.positions ?? []).map((position) => ({
      position,
      files: [{ name: 'don.pdf', contentBase64: MINIMAL_PDF_BASE64 }],
      reusedFrom: null,
    })),
  }),
  'PUT /api/settings/portal': () => ({
    provinceName: 'Tỉnh An Giang',
    centreName: 'Trung tâm Phục vụ hành chính công tỉnh',
    address: null,
    phone: '0297 3 800 800',
    hotline: '1900 0000',
    email: 'ttpvhcc@example.gov.vn',
  }),
  // h-actions: the desk stops the run's accepted dossier on the applicant's written request (valid in any open state);
  // the generated variant's own fields (e.g. accept's components) are dropped.
  'POST /api/dossiers/{id}/actions': () => ({
    action: 'stop',
    version: 1,
    reason: 'Người nộp đề nghị dừng (kiểm thử độ bền)',
    comment: null,
    attachmentFileIds: [],
    components: undefined,
  }),
  'POST /api/plans': (context) => planSaveBody(context.unitId),
  'POST /api/plans/tasks/{id}/reports': (context, generated) => ({
    ...generated,
    status: 'in_progress',
    unitId: null,
    fileIds: context.dossiers?.evidenceFileId ? [context.dossiers.evidenceFileId] : [],
  }),
  // Editing a plan (docs/api/plans.md): the task keeps its reference and is not cancelled (it is reported on later).
  'PATCH /api/plans/tasks/{id}': (_context, generated) => ({ ...generated, ref: undefined, cancelled: undefined }),
  // The event's day: on or after the plan's date (2/3/2026), not after today; the task of its own, as saved.
  'PUT /api/plans/tasks/{id}/deadlines/{index}/event': () => ({ date: '2026-03-02', version: 1 }),
  'POST /api/plans/{id}/tasks': (context, generated) => ({
    ...generated,
    ref: 'bổ sung 1',
    lead: [{ name: 'Đơn vị chủ trì', unitId: context.unitId }],
  }),
  // A unit of the run is no one's office (a root unit never is).
  'POST /api/units': (_context, generated) => ({ ...generated, isOffice: false }),
  'PATCH /api/units/{id}': (_context, generated) => ({ ...generated, isOffice: false }),
  // A ministry's decision is recorded only by its own action, not with a submission.
  'POST /api/reform/proposals/{id}/actions': (_context, generated) => ({ ...generated, centralDecision: undefined }),
  // The rating bands: all five, each once, best first by strictly lower scores, "Yếu" from 0 (the defaults kept).
  'PUT /api/metrics/settings': () => ({
    monthStartDay: 21,
    ratingBands: [
      { band: 'xuat_sac', minScore: 90 },
      { band: 'tot', minScore: 80 },
      { band: 'kha', minScore: 70 },
      { band: 'trung_binh', minScore: 50 },
      { band: 'yeu', minScore: 0 },
    ],
  }),
  'PUT /api/control-reports/settings': () => ({ dueDay: 23, reminderWorkingDays: 3 }),
  'PUT /api/calendar/sessions': () => ({
    sessions: [
      { start: '07:30', end: '11:30' },
      { start: '13:00', end: '17:00' },
    ],
  }),
};

function freshItems(generated: Record<string, unknown>, code: string): unknown[] {
  const items = (generated.items as Record<string, unknown>[] | undefined) ?? [];
  return items.map((item) => withBasicParts({ ...item, action: 'new', code, replacesCodes: [] }));
}

/** Operations whose body is not JSON: a file upload sends the file's bytes (here a minimal PDF). */
const RAW_BODIES: Record<string, { contentType: string; payload: string | Buffer }> = {
  'POST /api/procedure-files': { contentType: 'application/octet-stream', payload: '%PDF-1.4\n%%EOF\n' },
  'POST /api/dossier-files': { contentType: 'application/octet-stream', payload: '%PDF-1.4\n%%EOF\n' },
  'POST /api/plans/evidence-files': { contentType: 'application/octet-stream', payload: '%PDF-1.4\n%%EOF\n' },
  'POST /api/decision-files': { contentType: 'application/octet-stream', payload: '%PDF-1.4\n%%EOF\n' },
  'PUT /api/decisions/{id}/signed-file': { contentType: 'application/octet-stream', payload: '%PDF-1.4\n%%EOF\n' },
  'POST /api/plans/import': {
    contentType: 'application/octet-stream',
    payload:
      '# KẾ HOẠCH\n\nRà soát thủ tục hành chính năm 2026\n\n## I. NHIỆM VỤ\n\n1. Rà soát thủ tục\n\nĐơn vị chủ trì: Sở Tư pháp. Thời hạn: trước ngày 30/6/2026.\n',
  },
  // The 8 bytes of a PNG's signature.
  'PUT /api/settings/portal/emblem': {
    contentType: 'application/octet-stream',
    payload: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
};

/** Path values that the records of the run cannot give (a file of a dossier, an own upload, a citizen's dossier). */
function dossierPathValues(label: string, dossiers: DossierContext | undefined): Record<string, string> | undefined {
  if (!dossiers) return undefined;
  if (label === 'GET /api/dossiers/{id}/files/{fileId}') return { id: dossiers.dossierId, fileId: dossiers.fileId };
  if (label === 'GET /api/dossier-files/{fileId}') return { fileId: dossiers.ownUploadId };
  if (label === 'GET /api/dossiers/{id}/forms/{form}') return { id: dossiers.dossierId, form: '01' };
  if (label === 'GET /api/plans/evidence-files/{fileId}' && dossiers.evidenceFileId) return { fileId: dossiers.evidenceFileId };
  if (label === 'DELETE /api/plans/tasks/{id}' && dossiers.spareTaskId) return { id: dossiers.spareTaskId };
  if (label === 'PATCH /api/plans/comments/{id}' && dossiers.commentIds) return { id: dossiers.commentIds.edit };
  if (label === 'DELETE /api/plans/comments/{id}' && dossiers.commentIds) return { id: dossiers.commentIds.delete };
  if (label === 'PUT /api/plans/tasks/{id}/deadlines/{index}/event' && dossiers.eventTaskId)
    return { id: dossiers.eventTaskId, index: '0' };
  if (
    label.startsWith('GET /api/plans/tasks/{id}/units/{taskUnitId}') ||
    label.startsWith('PUT /api/plans/tasks/{id}/units/{taskUnitId}')
  ) {
    return dossiers.taskUnitId ? { taskUnitId: dossiers.taskUnitId } : undefined;
  }
  return undefined;
}

/**
 * The basic parts of a procedure record (NĐ 63 Điều 8) are required at publication, while the schema keeps them
 * nullable so that versions published without them stay readable: a valid publication fills them in.
 */
function withBasicParts(body: Record<string, unknown>): Record<string, unknown> {
  const procedure = body.procedure as Record<string, unknown> | undefined;
  if (!procedure || typeof procedure !== 'object') return body;
  return { ...body, procedure: { ...procedure, result: procedure.result ?? 'Kiểm thử độ bền', dossierSets: procedure.dossierSets ?? 1 } };
}

type RecordRef = { id: string; version?: number };
type Fetch = (url: string) => Promise<{ statusCode: number; json(): unknown }>;

/** The part of a path before its first `{id}`: /api/reform/proposals/{id}/items/{code} → /api/reform/proposals. */
const collectionOf = (path: string) => (path.includes('/{id}') ? path.slice(0, path.indexOf('/{id}')) : undefined);

export class ValidRequests {
  private readonly records = new Map<string, RecordRef>();

  constructor(
    private readonly operations: Operation[],
    private readonly context: ValidContext,
    private readonly fetch: Fetch,
  ) {}

  async build(operation: Operation): Promise<HostileRequest> {
    const collection = collectionOf(operation.path);
    const record = collection ? await this.recordOf(collection) : undefined;
    const fixed = dossierPathValues(labelOf(operation), this.context.dossiers);
    const pathValues = Object.fromEntries(
      operation.pathParams.map((parameter) => [
        parameter.name,
        encodeURIComponent(fixed?.[parameter.name] ?? this.pathValue(parameter, record)),
      ]),
    );
    const query = operation.queryParams
      .map((parameter) => [parameter.name, this.queryValue(parameter, record, labelOf(operation))] as const)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
      .join('&');
    const url = buildUrl(operation, pathValues, query);
    const raw = RAW_BODIES[labelOf(operation)];
    if (raw) return { method: operation.method, url, headers: { 'content-type': raw.contentType }, payload: raw.payload };
    if (!operation.bodySchema) return { method: operation.method, url, headers: {} };
    const generated = this.value(operation.bodySchema, '', record) as Record<string, unknown>;
    const body = withBasicParts({
      ...generated,
      ...BODY_OVERRIDES[labelOf(operation)]?.(this.context, generated),
    });
    const payload = JSON.stringify(body);
    if (labelOf(operation) === 'POST /api/integrations/national-portal/dossiers' && this.context.dossiers) {
      const signature = createHmac('sha256', this.context.dossiers.portalSecret).update(payload).digest('hex');
      return {
        method: operation.method,
        url,
        headers: { ...JSON_TYPE, 'idempotency-key': 'kiem-thu-do-ben-0001', 'x-motcua-signature': `sha256=${signature}` },
        payload,
      };
    }
    return { method: operation.method, url, headers: JSON_TYPE, payload };
  }

  /** Remembers what a successful write created, and refreshes the version of what it changed. */
  async observe(operation: Operation, statusCode: number, body: unknown) {
    if (statusCode < 200 || statusCode >= 300 || operation.isRead) return;
    const created = body as { id?: unknown; version?: unknown } | null;
    if (operation.method === 'POST' && !operation.path.includes('{') && typeof created?.id === 'string') {
      this.records.set(operation.path, { id: created.id, version: typeof created.version === 'number' ? created.version : undefined });
      return;
    }
    const collection = collectionOf(operation.path);
    if (collection && this.records.has(collection)) await this.refresh(collection, this.records.get(collection)!.id);
  }

  private async recordOf(collection: string): Promise<RecordRef | undefined> {
    const known = this.records.get(collection);
    if (known) return known;
    const id = this.context.fallbackIds[collection];
    return id ? this.refresh(collection, id) : undefined;
  }

  /** Reads a record's current version: from its own GET when the API has one, else from its collection's list. */
  private async refresh(collection: string, id: string): Promise<RecordRef> {
    const hasOwnGet = this.operations.some((operation) => operation.isRead && operation.path === `${collection}/{id}`);
    const response = await this.fetch(hasOwnGet ? `${collection}/${id}` : collection);
    const found = hasOwnGet
      ? (response.json() as { id?: string; version?: number })
      : ((response.json() as { items?: { id?: string; version?: number }[] }).items ?? []).find((item) => item.id === id);
    const record = { id, version: typeof found?.version === 'number' ? found.version : undefined };
    this.records.set(collection, record);
    return record;
  }

  private pathValue(parameter: Parameter, record: RecordRef | undefined): string {
    const schema = nonNullOption(parameter.schema ?? {});
    switch (parameter.name) {
      case 'id':
        return record?.id ?? '00000000-0000-4000-8000-000000000000';
      case 'code':
        return this.context.procedureCode;
      case 'fileId':
        return this.records.get('/api/procedure-files')?.id ?? '00000000-0000-4000-8000-000000000000';
      case 'versionNo':
        return String(this.context.latestVersionNo);
      case 'year':
        return String(Math.min(Math.max(2026, schema.minimum ?? 2026), schema.maximum ?? 2026));
      default:
        return String(this.value(schema, parameter.name, record));
    }
  }

  private queryValue(parameter: Parameter, record: RecordRef | undefined, label = ''): unknown {
    if (
      label === 'GET /api/metrics/index' ||
      label === 'GET /api/metrics/index/drill' ||
      label === 'GET /api/reports/bieu-06' ||
      label === 'GET /api/reports/bieu-06.xlsx' ||
      label === 'GET /api/reports/bieu-06.pdf' ||
      label === 'GET /api/metrics/trend' ||
      label === 'GET /api/metrics/ranking' ||
      label === 'GET /api/metrics/dossiers' ||
      label === 'GET /api/metrics/dossier-facts.csv' ||
      label === 'GET /api/metrics/processing-times'
    ) {
      if (parameter.name === 'unit') return this.context.unitCode;
      if (parameter.name === 'from') return '2026-01-01';
      if (parameter.name === 'to') return '2026-03-20';
      if (parameter.name === 'indicator') return 'on_time';
      if (parameter.name === 'part') return 'numerator';
      if (parameter.name === 'list') return 'overdue';
    }
    if (label === 'GET /api/dossiers/tracking-book') {
      if (parameter.name === 'unit') return this.context.unitCode;
      if (parameter.name === 'from') return '2026-01-01';
      if (parameter.name === 'to') return '2026-03-02';
    }
    if (label.startsWith('GET /api/plans/{id}/progress-report.')) {
      if (parameter.name === 'from') return '2026-01-01';
      if (parameter.name === 'to') return '2026-03-02';
    }
    if (label === 'GET /api/plans/calendar' && parameter.name === 'month') return '2026-03';
    if (parameter.name === 'from') return '2026-03-02T09:00+07:00';
    if (label === 'GET /api/public/dossier-status' && this.context.dossiers) {
      if (parameter.name === 'code') return this.context.dossiers.code;
      if (parameter.name === 'idNumber') return this.context.dossiers.idNumber;
    }
    if (label === 'GET /api/dossiers') {
      if (parameter.name === 'unit') return this.context.unitCode;
      if (parameter.name === 'procedure') return this.context.procedureCode;
    }
    // The importer reads a plan by its file's extension.
    if (label === 'POST /api/plans/import' && parameter.name === 'name') return 'ke-hoach.md';
    if (label === 'DELETE /api/plans/tasks/{id}' && parameter.name === 'version') return 1;
    if (parameter.name === 'version') return record?.version ?? 1;
    if (parameter.name === 'year') return 2026;
    return this.value(parameter.schema ?? {}, parameter.name, record);
  }

  /** A valid value: nullable fields null, enums their first value, names that refer to records the context's. */
  private value(input: JsonSchema, name: string, record: RecordRef | undefined): unknown {
    const isNullable = (input.anyOf ?? input.oneOf ?? []).some((option) => option.type === 'null');
    if (isNullable) return null;
    const schema = nonNullOption(input);
    if (schema.const !== undefined) return schema.const;
    if (schema.enum?.length) return schema.enum[0];
    if (name === 'version' || name === 'baseVersionNo') return name === 'version' ? (record?.version ?? 1) : this.context.latestVersionNo;
    switch (typeOf(schema)) {
      case 'string':
        return sampleString(schema, this.context.unitId, FRESH_PATTERN_EXAMPLES);
      case 'integer':
      case 'number': {
        // A year field (incomeYear...): this year, as the path's {year} (an income rate exists for it by then).
        if (/(^y|Y)ear$/.test(name)) return Math.min(Math.max(2026, schema.minimum ?? 2026), schema.maximum ?? 2026);
        const minimum = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
        return schema.maximum !== undefined ? Math.min(Math.max(minimum, 1), schema.maximum) : Math.max(minimum, 1);
      }
      case 'boolean':
        return true;
      case 'array': {
        if (name.endsWith('UnitCodes')) return [this.context.unitCode];
        if (name === 'procedureCodes') return [this.context.procedureCode];
        return schema.items ? [this.value(schema.items, name, record)] : [];
      }
      case 'object':
        return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, child]) => [key, this.value(child, key, record)]));
      default:
        return null;
    }
  }
}
