/**
 * Small factories for integration tests: each builds one record through the HTTP API, as an administrator would,
 * so that a test states the few facts it relies on instead of leaning on the demo province. They work on an empty
 * installation (`createTestApp(backend, { demo: false })`) as well as next to the demo data.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import type { DecisionHeaderInput, DecisionRequest } from '../contract/catalog';
import type { DecisionType, ProposalStatus, Role, UnitType } from '../contract/enums';
import type { StoredFile } from '../contract/files';
import type { PlanDetail, PlanSaveInput } from '../contract/plans';
import { vietnamDate } from '../core/vietnam-time';
import { createAdministrator } from '../modules/auth';
import { deliverPendingNotifications, enqueueNotification } from '../modules/notify';
import { type TestApp, testConfig } from './harness';

export type AuthHeaders = { cookie: string; 'x-csrf-token': string };
export type UnitRef = { id: string; code: string; name: string; type: UnitType; version: number };
export type UserRef = { id: string; username: string; password: string; login(): Promise<AuthHeaders> };
export type ProcedureRef = { code: string; versionNo: number; handlingUnitCodes: string[] };
export type ProposalRef = { id: string; version: number; status: ProposalStatus; unitId: string };
export type ConditionRef = { id: string; version: number; unitId: string };
export type RegimeRef = { id: string; version: number; unitId: string };

let decisionNumber = 0;

/**
 * The header of a decision entered today through POST /api/decisions (`decision`), with a number no other call of
 * this process used: every test builds its decisions here, so that a new required field is added in one place.
 */
export function decisionHeader(overrides: Partial<DecisionHeaderInput> = {}) {
  const today = vietnamDate();
  return {
    number: `${++decisionNumber}/QĐ-UBND`,
    issuerUnitCode: null,
    issuerName: 'UBND tỉnh kiểm thử',
    signer: 'Người ký kiểm thử',
    signerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh',
    date: today,
    effectiveDate: today,
    ...overrides,
  } satisfies DecisionHeaderInput;
}

/** The decision one procedure's publication names (POST /api/procedures[/{code}/versions], catalog files): the header and what it does. */
export function procedureDecision(type: DecisionType, overrides: Partial<DecisionRequest> = {}) {
  return { ...decisionHeader(), type, ...overrides } satisfies DecisionRequest;
}

type PlanTaskInput = PlanSaveInput['tasks'][number];

/** What a test states of its plan (`planBody`); everything else is the default plan's. */
export type PlanBodyOverrides = {
  /** The unit leading the tasks that name no lead, under the name the plan writes for it; the issuer by default. */
  lead?: { id: string; name: string };
  /** Fields of the plan's header to set as given (number, date, title, implements, signer…). */
  plan?: Partial<PlanSaveInput['plan']>;
  targets?: PlanSaveInput['targets'];
  /** The tasks, each with its ref and title; the fields left out are empty (no deadline) and the lead is `lead`. */
  tasks?: (Pick<PlanTaskInput, 'ref' | 'title'> & Partial<PlanTaskInput>)[];
  /** The unit names of the tasks mapped to units; by default `lead`'s name to its unit. */
  units?: PlanSaveInput['units'];
};

/**
 * The body of `POST /api/plans` for a plan issued by `issuer`: 125/KH-UBND of 16/4/2026, "Kế hoạch cải cách thủ tục
 * hành chính năm 2026", implementing nothing named, no parent, signer or source file, no targets, and one task
 * "Rà soát thủ tục hành chính" due before 15/6 each year, led by `issuer` under its name. `overrides` sets header
 * fields and replaces the lead, the targets, the tasks or the units (see `PlanBodyOverrides`).
 */
export function planBody(issuer: { id: string; name: string }, overrides: PlanBodyOverrides = {}) {
  const lead = overrides.lead ?? issuer;
  const tasks = overrides.tasks ?? [
    {
      ref: '1',
      title: 'Rà soát thủ tục hành chính',
      deadlines: [{ kind: 'annual', text: 'trước ngày 15/6 hằng năm', month: 6, day: 15 }],
    },
  ];
  return {
    plan: {
      number: '125/KH-UBND',
      issuerUnitId: issuer.id,
      date: '2026-04-16',
      title: 'Kế hoạch cải cách thủ tục hành chính năm 2026',
      implements: [],
      parentPlanId: null,
      signer: null,
      sourceFileName: null,
      ...overrides.plan,
    },
    targets: overrides.targets ?? [],
    tasks: tasks.map((task) => ({ content: '', items: [], lead: [lead.name], coordinating: [], deliverables: [], deadlines: [], ...task })),
    units: overrides.units ?? [{ name: lead.name, unitId: lead.id }],
  } satisfies PlanSaveInput;
}

/** The smallest PDF by its content ("%PDF-"), as a signed decision or a form. */
export const minimalPdf = () => Buffer.from('%PDF-1.4\n%%EOF\n');

/** A password that passes the password rules (length, not common, not the demo password). */
export const strongPassword = () => `Mk-${randomBytes(12).toString('base64url')}`;

export function createFactories(t: TestApp) {
  const tag = randomBytes(3).toString('hex');
  let sequence = 0;
  const next = () => ++sequence;
  let adminHeaders: Promise<AuthHeaders> | undefined;

  /** The installation's first administrator, created as `motcua admin create` does, then logged in once. */
  const admin = () => {
    adminHeaders ??= (async () => {
      const username = `quantri.${tag}`;
      const password = strongPassword();
      await createAdministrator(t.database.db, { username, fullName: 'Quản trị viên kiểm thử', password });
      return t.login(username, password);
    })();
    return adminHeaders;
  };

  /** Sends a request as the administrator and returns the JSON answer, failing loudly on anything but 2xx. */
  const asAdmin = async <T>(options: InjectOptions): Promise<T> => {
    const response = await t.app.inject({ ...options, headers: { ...(await admin()), ...options.headers } });
    if (response.statusCode >= 300) {
      throw new Error(`factory ${options.method ?? 'GET'} ${options.url} answered ${response.statusCode}: ${response.body}`);
    }
    return (response.body ? response.json() : null) as T;
  };

  /** Sends a request as whoever its headers say and returns the JSON answer, failing loudly on any other status. */
  const expecting = async <T>(status: number, options: InjectOptions): Promise<T> => {
    const response = await t.app.inject(options);
    if (response.statusCode !== status) {
      throw new Error(`factory ${options.method ?? 'GET'} ${options.url} answered ${response.statusCode}: ${response.body}`);
    }
    return response.json() as T;
  };

  /** An electronic ID code (QĐ 20/2020/QĐ-TTg shape) no other factory call returns. */
  const unitCode = () => `${next().toString(36).toUpperCase().padStart(3, '0')}.${tag.slice(0, 2).toUpperCase()}.00.H99`;

  async function buildUnit(options: { parent?: UnitRef; type?: UnitType; name?: string; isOffice?: boolean } = {}): Promise<UnitRef> {
    const type = options.type ?? (options.parent ? 'department' : 'province');
    return asAdmin<UnitRef>({
      method: 'POST',
      url: '/api/units',
      payload: {
        code: unitCode(),
        name: options.name ?? `Đơn vị kiểm thử ${next()}`,
        type,
        parentId: options.parent?.id ?? null,
        validFrom: '2020-01-01',
        ...(options.isOffice ? { isOffice: true } : {}),
      },
    });
  }

  async function buildUser(options: { roles: { role: Role; unit?: UnitRef | null }[]; username?: string }): Promise<UserRef> {
    const username = options.username ?? `nguoidung.${tag}.${next()}`;
    const password = strongPassword();
    const user = await asAdmin<{ id: string }>({
      method: 'POST',
      url: '/api/users',
      payload: {
        username,
        fullName: `Người dùng kiểm thử ${next()}`,
        password,
        roles: options.roles.map((grant) => ({ role: grant.role, unitId: grant.unit?.id ?? null })),
      },
    });
    return { id: user.id, username, password, login: () => t.login(username, password) };
  }

  /** The content of a published procedure version, handled by `handlingUnits` (see the catalog's schema). */
  function procedureContent(options: {
    handlingUnits: UnitRef[];
    name?: string;
    field?: string;
    businessRelated?: boolean;
    /** Fields of the content to set as given (components, processTemplate, processingTime…). */
    content?: Record<string, unknown>;
  }) {
    return {
      name: options.name ?? `Thủ tục kiểm thử ${next()}`,
      field: options.field ?? 'Lĩnh vực kiểm thử',
      levels: ['province'],
      handlingUnitCodes: options.handlingUnits.map((unit) => unit.code),
      applicantTypes: ['citizen'],
      methods: [{ channel: 'direct', description: null }],
      // The basic parts without which a version is not published (NĐ 63 Điều 8).
      steps: ['Nộp hồ sơ tại Bộ phận Một cửa.', 'Nhận kết quả.'],
      components: [{ name: 'Đơn đề nghị' }],
      dossierSets: 1,
      result: 'Văn bản trả lời',
      processingTime: { amount: 10, unit: 'working_days' },
      onlineLevel: 'none',
      locationIndependent: false,
      postalEligible: false,
      businessRelated: options.businessRelated ?? false,
      ...options.content,
    };
  }

  /** A procedure with one published version, in force since `effectiveDate` (by default before the 2024 baseline day). */
  async function buildProcedure(options: {
    handlingUnits: UnitRef[];
    effectiveDate?: string;
    name?: string;
    businessRelated?: boolean;
    content?: Record<string, unknown>;
  }): Promise<ProcedureRef> {
    const code = `8.${String(900_000 + next())}`;
    const effectiveDate = options.effectiveDate ?? '2024-01-01';
    const procedure = procedureContent(options);
    await asAdmin({
      method: 'POST',
      url: '/api/procedures',
      payload: {
        code,
        decision: procedureDecision('new', { date: effectiveDate, effectiveDate }),
        procedure,
      },
    });
    return { code, versionNo: 1, handlingUnitCodes: procedure.handlingUnitCodes };
  }

  /** A signed decision's PDF uploaded by the administrator (POST /api/decision-files), for `decision.signedFileId`. */
  async function uploadSignedFile(name = 'Quyết định đã ký.pdf', bytes: Buffer = minimalPdf()) {
    return asAdmin<StoredFile>({
      method: 'POST',
      url: `/api/decision-files?name=${encodeURIComponent(name)}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
  }

  /** A decision of publication with one new procedure, entered today. */
  async function buildDecision(options: { handlingUnits: UnitRef[] }): Promise<{ id: string; code: string }> {
    const code = `8.${String(700_000 + next())}`;
    const decision = await asAdmin<{ id: string }>({
      method: 'POST',
      url: '/api/decisions',
      payload: { decision: decisionHeader(), items: [{ action: 'new', code, procedure: procedureContent(options) }] },
    });
    return { id: decision.id, code };
  }

  async function buildIncomeRate(options: { year?: number; hourlyIncomeVnd?: number } = {}) {
    const year = options.year ?? 2024;
    await asAdmin({
      method: 'PUT',
      url: `/api/reform/income-rates/${year}`,
      payload: { hourlyIncomeVnd: options.hourlyIncomeVnd ?? 40_000, hoursPerDay: 8, source: 'Số liệu kiểm thử' },
    });
    return { year };
  }

  /** A compliance-cost worksheet on one version of `procedure` (the income rate of `incomeYear` is created if needed). */
  async function buildWorksheet(options: { procedure: ProcedureRef; versionNo?: number; hours?: number; incomeYear?: number }) {
    const incomeYear = options.incomeYear ?? 2024;
    await buildIncomeRate({ year: incomeYear });
    return asAdmin<{ id: string; version: number }>({
      method: 'PUT',
      url: `/api/reform/procedures/${options.procedure.code}/versions/${options.versionNo ?? options.procedure.versionNo}/worksheet`,
      payload: worksheetInput({ hours: options.hours, incomeYear }),
    });
  }

  /**
   * A proposal of `unit` with one item per procedure, brought to `status` by the administrator (submitted and later
   * statuses need at least one procedure).
   */
  async function buildProposal(options: {
    unit: UnitRef;
    procedures?: ProcedureRef[];
    status?: Exclude<ProposalStatus, 'implemented'>;
    year?: number;
    title?: string;
  }): Promise<ProposalRef> {
    let proposal = await asAdmin<ProposalRef>({
      method: 'POST',
      url: '/api/reform/proposals',
      payload: { unitId: options.unit.id, year: options.year ?? 2026, title: options.title ?? `Phương án kiểm thử ${next()}` },
    });
    for (const procedure of options.procedures ?? []) {
      proposal = await asAdmin<ProposalRef>({
        method: 'PUT',
        url: `/api/reform/proposals/${proposal.id}/items/${procedure.code}`,
        payload: { ...proposalItemInput(), version: proposal.version },
      });
    }
    for (const step of stepsTo(options.status ?? 'draft')) {
      proposal = await asAdmin<ProposalRef>({
        method: 'POST',
        url: `/api/reform/proposals/${proposal.id}/actions`,
        payload: { ...step, version: proposal.version },
      });
    }
    return { id: proposal.id, version: proposal.version, status: proposal.status, unitId: options.unit.id };
  }

  async function buildCondition(options: { unit: UnitRef; text?: string }): Promise<ConditionRef> {
    const condition = await asAdmin<{ id: string; version: number }>({
      method: 'POST',
      url: '/api/reform/conditions',
      payload: conditionInput({ unitId: options.unit.id, text: options.text }),
    });
    return { id: condition.id, version: condition.version, unitId: options.unit.id };
  }

  async function buildRegime(options: { unit: UnitRef; name?: string }): Promise<RegimeRef> {
    const regime = await asAdmin<{ id: string; version: number }>({
      method: 'POST',
      url: '/api/reform/reporting-regimes',
      payload: regimeInput({ unitId: options.unit.id, name: options.name }),
    });
    return { id: regime.id, version: regime.version, unitId: options.unit.id };
  }

  /**
   * A small province: the root, two departments (A and B), a division of A, a commune, the provincial office
   * (Văn phòng UBND tỉnh, where procedure control sits) and the provincial one-stop desk.
   */
  async function buildProvince() {
    const province = await buildUnit({ type: 'province', name: `UBND tỉnh Kiểm Thử ${tag}` });
    const [departmentA, departmentB, office, commune, desk] = await Promise.all([
      buildUnit({ parent: province, type: 'department', name: 'Sở A' }),
      buildUnit({ parent: province, type: 'department', name: 'Sở B' }),
      buildUnit({ parent: province, type: 'department', name: 'Văn phòng UBND tỉnh', isOffice: true }),
      buildUnit({ parent: province, type: 'commune', name: 'Xã Kiểm Thử' }),
      buildUnit({ parent: province, type: 'desk', name: 'Trung tâm Phục vụ hành chính công tỉnh' }),
    ]);
    const divisionA = await buildUnit({ parent: departmentA, type: 'division', name: 'Phòng thuộc Sở A' });
    return { province, departmentA, departmentB, divisionA, office, commune, desk };
  }

  /**
   * A message that failed for good, the way one does: an SMS whose gateway refuses connections (port 9 on the
   * loopback), with a single attempt allowed.
   */
  async function buildFailedNotification(): Promise<{ id: string }> {
    const message = await enqueueNotification(t.database.db, {
      channel: 'sms',
      recipient: `09${String(10_000_000 + next())}`,
      template: 'dossier.received',
      body: 'Hồ sơ đã được tiếp nhận (kiểm thử)',
    });
    const config = testConfig();
    const gatewayDown = {
      ...config,
      notify: { ...config.notify, sms: { url: 'http://127.0.0.1:9/', secret: 'x'.repeat(16) }, maxAttempts: 1 },
    };
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    await deliverPendingNotifications({ db: t.database.db, now: new Date(Date.now() + 1000), config: gatewayDown, log });
    return message;
  }

  /**
   * The body of `POST /api/dossiers` for `procedure`: an individual applicant with a valid CCCD, component 0 on
   * paper, accepted. `overrides` replaces fields (decision, components, applicant…).
   */
  function dossierBody(procedure: ProcedureRef, overrides: Record<string, unknown> = {}) {
    return {
      procedureCode: procedure.code,
      handlingUnitCode: procedure.handlingUnitCodes.length > 1 ? procedure.handlingUnitCodes[0] : null,
      channel: 'direct',
      applicant: {
        kind: 'individual',
        fullName: 'Nguyễn Văn Kiểm Thử',
        idNumber: `0${String(next()).padStart(11, '0')}`,
        address: 'Số 1 đường Kiểm Thử',
        phone: '0912345678',
        email: 'kiemthu@example.vn',
      },
      components: [{ position: 0, presence: 'paper' }],
      decision: { action: 'accept' },
      ...overrides,
    };
  }

  /** A dossier received at the desk by `officer` (a desk officer's headers), through POST /api/dossiers. */
  async function buildDossier(options: { officer: AuthHeaders; procedure: ProcedureRef; body?: Record<string, unknown> }) {
    return expecting<{ id: string; code: string; status: string; version: number; dueAt: string | null }>(201, {
      method: 'POST',
      url: '/api/dossiers',
      headers: options.officer,
      payload: dossierBody(options.procedure, options.body),
    });
  }

  /**
   * A plan saved through POST /api/plans by the user of `headers` (an administrator, or a procedure controller of
   * the issuer or its office): the body of `planBody(issuer, body)`.
   */
  async function buildPlan(options: { headers: AuthHeaders; issuer: { id: string; name: string }; body?: PlanBodyOverrides }) {
    return expecting<PlanDetail>(201, {
      method: 'POST',
      url: '/api/plans',
      headers: options.headers,
      payload: planBody(options.issuer, options.body),
    });
  }

  /**
   * Files a dossier online through POST /api/my/dossiers as the citizen or business of `headers` (the applicant of
   * `dossierBody`, the first component as a file of theirs unless `components` says otherwise). Returns the answer,
   * whatever it is: tests of refusals read its status.
   */
  async function fileOnline(
    headers: AuthHeaders,
    procedure: ProcedureRef,
    options: { fileIds?: string[]; components?: Record<string, unknown>[] } = {},
  ) {
    return t.app.inject({
      method: 'POST',
      url: '/api/my/dossiers',
      headers,
      payload: {
        procedureCode: procedure.code,
        applicant: dossierBody(procedure).applicant,
        components: options.components ?? [{ position: 0, presence: 'file', fileIds: options.fileIds ?? [] }],
      },
    });
  }

  /** An upload through POST /api/dossier-files (a minimal PDF unless `bytes` is given), as the user of `headers`. */
  async function uploadDossierFile(headers: AuthHeaders, options: { bytes?: Buffer; name?: string } = {}) {
    return expecting<{ id: string; sha256: string }>(201, {
      method: 'POST',
      url: `/api/dossier-files?name=${encodeURIComponent(options.name ?? 'ban-scan.pdf')}`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: options.bytes ?? Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
  }

  /** A plausible CCCD (Hà Nội, born in the 1990s) no other call returns. */
  const personalId = () => `00109${String(next()).padStart(3, '0')}${randomBytes(2).readUInt16BE(0).toString().padStart(5, '0').slice(-4)}`;

  /**
   * A registration waiting for its code, made through POST /api/auth/register from its own client address; the
   * code is read back from the outbox (the message body), as the person would read it.
   */
  async function buildRegistration(options: { kind?: 'citizen' | 'business' } = {}) {
    const kind = options.kind ?? 'citizen';
    const identityNumber =
      kind === 'citizen'
        ? personalId()
        : `02${String(next()).padStart(4, '0')}${randomBytes(2).readUInt16BE(0).toString().padStart(5, '0').slice(-4)}`;
    const email = `dangky.${tag}.${next()}@example.vn`;
    const password = strongPassword();
    const { token } = await expecting<{ token: string }>(201, {
      method: 'POST',
      url: '/api/auth/register',
      payload: { kind, identityNumber, fullName: 'Người đăng ký kiểm thử', email, password },
      remoteAddress: `10.${next() % 250}.${next() % 250}.1`,
    });
    return { token, code: await lastCodeSentTo(email), identityNumber, email, password };
  }

  /** A password-reset request for `login` and the code sent for it (read from the outbox). */
  async function buildPasswordReset(options: { login: string; recipient: string }) {
    const { token } = await expecting<{ token: string }>(202, {
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { login: options.login },
      remoteAddress: `10.${next() % 250}.${next() % 250}.2`,
    });
    return { token, code: await lastCodeSentTo(options.recipient) };
  }

  /** The 6-digit code of the last message the outbox holds for `recipient`. */
  async function lastCodeSentTo(recipient: string): Promise<string> {
    const result = (await t.database.db.execute(
      sql`select body from notify_outbox where recipient = ${recipient} order by created_at desc, id desc limit 1`,
    )) as unknown as { rows: { body: string }[] };
    const code = /\b(\d{6})\b/.exec(result.rows[0]?.body ?? '')?.[1];
    if (!code) throw new Error(`no code sent to ${recipient}`);
    return code;
  }

  return {
    admin,
    asAdmin,
    buildRegistration,
    buildPasswordReset,
    lastCodeSentTo,
    personalId,
    buildFailedNotification,
    dossierBody,
    buildDossier,
    planBody,
    buildPlan,
    uploadDossierFile,
    fileOnline,
    buildUnit,
    buildUser,
    buildProcedure,
    buildDecision,
    decisionHeader,
    procedureDecision,
    uploadSignedFile,
    procedureContent,
    buildIncomeRate,
    buildWorksheet,
    buildProposal,
    buildCondition,
    buildRegime,
    buildProvince,
    unitCode,
    next,
  };
}

export type Factories = ReturnType<typeof createFactories>;

/** The actions (by the administrator) that bring a new draft to `status`. */
function stepsTo(status: Exclude<ProposalStatus, 'implemented'>): Record<string, string>[] {
  const submit = { action: 'submit' };
  const consolidate = { action: 'consolidate' };
  switch (status) {
    case 'draft':
      return [];
    case 'submitted':
      return [submit];
    case 'consolidated':
      return [submit, consolidate];
    case 'approved':
      return [submit, consolidate, { action: 'approve', approvalReference: 'Quyết định số 1/QĐ-UBND' }];
    case 'rejected':
      return [submit, { action: 'reject', reason: 'Chưa đủ căn cứ' }];
  }
}

export function worksheetInput(options: { hours?: number; incomeYear?: number } = {}) {
  return {
    activities: [{ name: 'Chờ giải quyết', hours: options.hours ?? 40 }],
    feesVnd: 100_000,
    otherCostsVnd: 0,
    timesPerYear: 1,
    subjectsPerYear: 10,
    incomeYear: options.incomeYear ?? 2024,
    note: null,
  };
}

export function proposalItemInput() {
  return {
    measures: ['shorten_time'],
    proposed: {
      timeAmount: 5,
      timeUnit: 'working_days',
      activities: [{ name: 'Chờ giải quyết', hours: 20 }],
      feesVnd: 0,
      otherCostsVnd: 0,
    },
    legalText: null,
    reason: 'Số hóa quy trình nội bộ',
  };
}

export function conditionInput(options: { unitId: string; text?: string }) {
  return {
    unitId: options.unitId,
    field: 'Lĩnh vực kiểm thử',
    text: options.text ?? 'Cơ sở phải có ít nhất 3 nhân viên có chứng chỉ',
    form: 'licence',
    // A condition of the province's own text: the province may abolish it (a central one it may only propose).
    sourceRegulation: 'Quyết định kiểm thử/QĐ-UBND',
    sourceLevel: 'provincial',
    assessment: 'unnecessary',
    proposedAction: 'abolish',
  };
}

export function regimeInput(options: { unitId: string; name?: string }) {
  return {
    unitId: options.unitId,
    name: options.name ?? 'Báo cáo tình hình hoạt động kinh doanh hằng năm',
    legalBasis: 'Quyết định kiểm thử, Điều 5',
    isElectronic: false,
  };
}
