/**
 * The dossier engine's API contract (docs/api/dossiers.md): intake at a desk, online and from the national portal,
 * the actions of the lifecycle, the inbox, the dossier page and the public lookup. Shared by server and web.
 */
import { z } from 'zod';
import { isoDateSchema, pageSchema, pageSizeSchema } from './common';
import {
  applicantKinds,
  channels,
  componentPresences,
  dossierActions,
  dossierSources,
  dossierStatuses,
  dossierStepStatuses,
  levels,
  portalSyncStates,
  processRoles,
  returnMethods,
  timeUnits,
  timingClasses,
} from './enums';

const text = (max: number) => z.string().trim().min(1, 'Không được để trống.').max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);
const unitCode = z.string().trim().min(2, 'Mã đơn vị không hợp lệ.').max(40, 'Mã đơn vị không hợp lệ.');
const uuid = (message: string) => z.uuid(message);
const fileIds = z.array(uuid('Mã tệp không hợp lệ.')).max(50, 'Tối đa 50 tệp.').default([]);

/** CCCD: 12 digits. Tax code of an organisation: 10 digits, or 13 written 10-3 (a branch) — with or without the dash. */
export const personalIdSchema = z
  .string()
  .trim()
  .regex(/^\d{12}$/, 'Số định danh cá nhân (CCCD) phải gồm 12 chữ số.');
export const taxCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{10}(-?\d{3})?$/, 'Mã số thuế phải gồm 10 hoặc 13 chữ số.');
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^(\+84|0)\d{9,10}$/, 'Số điện thoại không hợp lệ.');

export const representativeSchema = z.strictObject({
  fullName: text(200),
  idNumber: personalIdSchema.nullable().default(null),
  phone: phoneSchema.nullable().default(null),
  /** Giấy ủy quyền: its number and date, as written. */
  authorisation: optionalText(500),
});

export const applicantSchema = z
  .strictObject({
    kind: z.enum(applicantKinds, 'Loại người nộp không hợp lệ.'),
    fullName: text(300),
    idNumber: z.string().trim().min(1, 'Thiếu số định danh hoặc mã số thuế.').max(20),
    address: optionalText(500),
    phone: phoneSchema.nullable().default(null),
    email: z.email('Địa chỉ thư điện tử không hợp lệ.').max(254).nullable().default(null),
    representative: representativeSchema.nullable().default(null),
  })
  .superRefine((applicant, context) => {
    const check = applicant.kind === 'individual' ? personalIdSchema : taxCodeSchema;
    const parsed = check.safeParse(applicant.idNumber);
    if (!parsed.success) context.addIssue({ code: 'custom', path: ['idNumber'], message: parsed.error.issues[0]?.message ?? '' });
  });

/** A component of the version in force, as the desk (or the applicant online) found it. */
export const intakeComponentSchema = z.strictObject({
  /** Position in the version's component list (0-based). */
  position: z.number().int().min(0).max(199),
  presence: z.enum(componentPresences, 'Tình trạng thành phần hồ sơ không hợp lệ.'),
  fileIds,
  /** For `reused`: the code of the earlier dossier whose result is reused, or a document reference. */
  reusedFrom: optionalText(200),
});

const supplementRequest = {
  reason: text(2000),
  /** Components to add or correct (positions), and anything else asked, in words (Mẫu 02). */
  positions: z.array(z.number().int().min(0).max(199)).max(200).default([]),
  items: z.array(text(1000)).max(50).default([]),
};

/** What the desk decides at intake (DOMAIN §3 step 1). */
export const intakeDecisionSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('accept'), comment: optionalText(2000) }),
    z.strictObject({ action: z.literal('request_supplement'), ...supplementRequest }),
    z.strictObject({ action: z.literal('refuse'), reason: text(2000) }),
  ],
  'Quyết định tiếp nhận phải là tiếp nhận, yêu cầu bổ sung hoặc từ chối.',
);

/** `POST /api/dossiers`: a desk officer receives a dossier, directly or by post, for any procedure of the province. */
export const receiveDossierBodySchema = z.strictObject({
  procedureCode: text(50),
  /** Required when the procedure has several handling units (e.g. every commune). */
  handlingUnitCode: unitCode.nullable().default(null),
  /** The desk; default: the desk the officer works at. */
  receivingUnitCode: unitCode.nullable().default(null),
  channel: z.enum(['direct', 'postal'], 'Kênh tiếp nhận tại quầy phải là trực tiếp hoặc bưu chính.'),
  applicant: applicantSchema,
  requestSummary: optionalText(2000),
  components: z.array(intakeComponentSchema).max(200).default([]),
  decision: intakeDecisionSchema,
});

/** `POST /api/my/dossiers`: a signed-in citizen or business files online; the dossier waits at the desk (`submitted`). */
export const submitOnlineDossierBodySchema = z.strictObject({
  procedureCode: text(50),
  handlingUnitCode: unitCode.nullable().default(null),
  applicant: applicantSchema,
  requestSummary: optionalText(2000),
  components: z.array(intakeComponentSchema).max(200).default([]),
});

const versioned = { version: z.number().int().min(1), comment: optionalText(2000), attachmentFileIds: fileIds };

/** `POST /api/dossiers/:id/actions`: one action, with the dossier's `version` read before (stale → 409). */
export const dossierActionBodySchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('accept'), ...versioned, components: z.array(intakeComponentSchema).max(200).optional() }),
    z.strictObject({ action: z.literal('request_supplement'), ...versioned, ...supplementRequest }),
    z.strictObject({
      action: z.literal('resume'),
      ...versioned,
      components: z.array(intakeComponentSchema).max(200).default([]),
    }),
    z.strictObject({ action: z.literal('refuse'), ...versioned, reason: text(2000) }),
    z.strictObject({ action: z.literal('transfer'), ...versioned, toUnitCode: unitCode.nullable().default(null) }),
    z.strictObject({ action: z.literal('assign'), ...versioned, assigneeId: uuid('Mã người được phân công không hợp lệ.') }),
    z.strictObject({ action: z.literal('submit_for_review'), ...versioned }),
    z.strictObject({ action: z.literal('send_back'), ...versioned, comment: text(2000) }),
    z.strictObject({ action: z.literal('approve'), ...versioned }),
    z.strictObject({
      action: z.literal('consult'),
      ...versioned,
      consultations: z
        .array(
          z.strictObject({
            unitCode: unitCode.nullable().default(null),
            agencyName: optionalText(500),
            question: text(2000),
            dueDate: isoDateSchema,
          }),
        )
        .min(1, 'Chọn ít nhất một cơ quan phối hợp.')
        .max(20),
    }),
    z.strictObject({
      action: z.literal('consult_reply'),
      ...versioned,
      consultationId: uuid('Mã yêu cầu phối hợp không hợp lệ.'),
      reply: text(4000),
    }),
    z.strictObject({
      action: z.literal('issue_result'),
      ...versioned,
      resultNumber: optionalText(100),
      resultFileIds: fileIds,
      isElectronic: z.boolean().default(false),
    }),
    z.strictObject({
      action: z.literal('return_result'),
      ...versioned,
      method: z.enum(returnMethods, 'Hình thức trả kết quả không hợp lệ.'),
    }),
    z.strictObject({ action: z.literal('apologize'), ...versioned, reason: text(2000), newDueDate: isoDateSchema }),
    z.strictObject({ action: z.literal('stop'), ...versioned, reason: text(2000) }),
  ],
  'Thao tác không hợp lệ.',
);

export const dossierIdParamsSchema = z.object({ id: uuid('Mã hồ sơ không hợp lệ.') });

const booleanQuery = z.enum(['true', 'false'], 'Giá trị phải là true hoặc false.').transform((value) => value === 'true');

/** `GET /api/dossiers`: the actor's inbox. `box=todo`: dossiers waiting for the actor's roles now; `all`: every dossier they may read. */
export const dossierListQuerySchema = z.object({
  box: z.enum(['todo', 'all'], 'Hộp hồ sơ không hợp lệ.').default('todo'),
  status: z.enum(dossierStatuses, 'Trạng thái không hợp lệ.').optional(),
  unit: unitCode.optional(),
  procedure: z.string().trim().max(50).optional(),
  overdue: booleanQuery.optional(),
  /** Due within this many working hours from now. */
  dueWithinHours: z.coerce.number().int().min(0).max(10_000).optional(),
  /** A dossier code, or part of the applicant's name (accent-insensitive). */
  q: z.string().trim().max(200).optional(),
  page: pageSchema,
  pageSize: pageSizeSchema,
});

const unitRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const dossierStepViewSchema = z.object({
  stepNo: z.number(),
  name: z.string(),
  role: z.enum(processRoles),
  unit: unitRef,
  assignee: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  budget: z.object({ amount: z.number(), unit: z.enum(timeUnits) }),
  status: z.enum(dossierStepStatuses),
  startedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  timing: z.enum(timingClasses).nullable(),
});

export const dossierEventViewSchema = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actorName: z.string(),
  actorUnitName: z.string().nullable(),
  action: z.string(),
  fromStatus: z.enum(dossierStatuses).nullable(),
  toStatus: z.enum(dossierStatuses),
  stepNo: z.number().nullable(),
  toStepNo: z.number().nullable(),
  toUserName: z.string().nullable(),
  toUnitName: z.string().nullable(),
  stepTiming: z.enum(timingClasses).nullable(),
  comment: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const dossierComponentViewSchema = z.object({
  position: z.number(),
  name: z.string(),
  isRequired: z.boolean(),
  presence: z.enum(componentPresences),
  isDigitised: z.boolean(),
  reusedFrom: z.string().nullable(),
  originals: z.number(),
  copies: z.number(),
});

export const dossierFileViewSchema = z.object({
  id: z.string(),
  fileId: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  purpose: z.enum(['component', 'supplement', 'attachment', 'result']),
  componentPosition: z.number().nullable(),
  addedAt: z.string(),
});

export const dossierConsultationViewSchema = z.object({
  id: z.string(),
  stepNo: z.number(),
  unit: unitRef.nullable(),
  agencyName: z.string(),
  question: z.string(),
  requestedAt: z.string(),
  dueAt: z.string(),
  repliedAt: z.string().nullable(),
  reply: z.string().nullable(),
  timing: z.enum(timingClasses).nullable(),
});

export const dossierPauseViewSchema = z.object({
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  workingMinutes: z.number().nullable(),
  reason: z.string(),
  positions: z.array(z.number()),
  items: z.array(z.string()),
});

export const applicantViewSchema = z.object({
  kind: z.enum(applicantKinds),
  fullName: z.string(),
  idNumber: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  representative: z
    .object({ fullName: z.string(), idNumber: z.string().nullable(), phone: z.string().nullable(), authorisation: z.string().nullable() })
    .nullable(),
});

/** `GET /api/dossiers/:id` (and the answer of every action): the whole dossier, for those allowed to handle it. */
export const dossierViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(dossierStatuses),
  procedure: z.object({ code: z.string(), versionNo: z.number(), name: z.string(), field: z.string(), level: z.enum(levels) }),
  handlingUnit: unitRef,
  receivingUnit: unitRef.nullable(),
  channel: z.enum(channels),
  source: z.enum(dossierSources),
  applicant: applicantViewSchema,
  requestSummary: z.string().nullable(),
  /** The time the appointment uses (committed, ≤ statutory) and the statutory time. */
  time: z.object({ amount: z.number(), unit: z.enum(timeUnits) }).nullable(),
  statutoryTime: z.object({ amount: z.number(), unit: z.enum(timeUnits) }).nullable(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  appointmentDueAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  pausedWorkingMinutes: z.number(),
  /** Working minutes left before dueAt (negative when late); null when the clock is not running. */
  remainingWorkingMinutes: z.number().nullable(),
  timing: z.enum(timingClasses).nullable(),
  isOverdue: z.boolean(),
  hasApology: z.boolean(),
  currentStepNo: z.number().nullable(),
  resultNumber: z.string().nullable(),
  resultIsElectronic: z.boolean(),
  returnMethod: z.enum(returnMethods).nullable(),
  portalSyncState: z.enum(portalSyncStates),
  steps: z.array(dossierStepViewSchema),
  components: z.array(dossierComponentViewSchema),
  files: z.array(dossierFileViewSchema),
  consultations: z.array(dossierConsultationViewSchema),
  pauses: z.array(dossierPauseViewSchema),
  events: z.array(dossierEventViewSchema),
  /** The actions this actor may take now (the web app shows these buttons). */
  allowedActions: z.array(z.enum(dossierActions)),
  version: z.number(),
});

/** One row of the inbox: personal data masked (ID number and phone show their last digits only). */
export const dossierListItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(dossierStatuses),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  applicantIdNumberMasked: z.string(),
  handlingUnit: unitRef,
  channel: z.enum(channels),
  source: z.enum(dossierSources),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  remainingWorkingMinutes: z.number().nullable(),
  isOverdue: z.boolean(),
  timing: z.enum(timingClasses).nullable(),
  currentStep: z
    .object({ stepNo: z.number(), name: z.string(), role: z.enum(processRoles), assigneeName: z.string().nullable() })
    .nullable(),
  version: z.number(),
});

/**
 * An inbox counts the dossiers that match up to this many (a province desk reads hundreds of thousands: counting them
 * all on every page costs more than the page itself); beyond it the list says "more than".
 */
export const INBOX_COUNT_CAP = 5000;

export const dossierListSchema = z.object({
  items: z.array(dossierListItemSchema),
  /** How many dossiers match, counted up to INBOX_COUNT_CAP; `totalIsCapped`: there are more than that. */
  total: z.number(),
  totalIsCapped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
});

/** `GET /api/public/dossier-status?code=&idNumber=`: no personal data beyond what the person asking already knows. */
export const publicDossierStatusQuerySchema = z.object({
  code: z.string().trim().min(5, 'Mã hồ sơ không hợp lệ.').max(60, 'Mã hồ sơ không hợp lệ.'),
  idNumber: z.string().trim().min(10, 'Số định danh không hợp lệ.').max(20, 'Số định danh không hợp lệ.'),
});

export const publicDossierStatusSchema = z.object({
  code: z.string(),
  procedureName: z.string(),
  handlingUnitName: z.string(),
  status: z.enum(dossierStatuses),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  timing: z.enum(timingClasses).nullable(),
  steps: z.array(z.object({ name: z.string(), status: z.enum(dossierStepStatuses), completedAt: z.string().nullable() })),
  /** What the applicant is asked to add, when waiting for a supplement. */
  supplementItems: z.array(z.string()),
});

/** `POST /api/integrations/national-portal/dossiers` (docs/api/national-portal.md): HMAC-signed, idempotent. */
export const nationalPortalDossierBodySchema = z.strictObject({
  portalRef: text(100),
  procedureCode: text(50),
  handlingUnitCode: unitCode.nullable().default(null),
  submittedAt: z.iso.datetime({ offset: true, message: 'Thời điểm nộp phải theo ISO 8601 có múi giờ.' }),
  applicant: applicantSchema,
  requestSummary: optionalText(2000),
  components: z
    .array(
      z.strictObject({
        position: z.number().int().min(0).max(199),
        files: z
          .array(z.strictObject({ name: text(255), contentBase64: z.string().min(1).max(28_000_000) }))
          .max(20)
          .default([]),
        reusedFrom: optionalText(200),
      }),
    )
    .max(200)
    .default([]),
});

export const trackingBookQuerySchema = z.object({
  unit: unitCode,
  from: isoDateSchema,
  to: isoDateSchema,
  format: z.enum(['pdf', 'xlsx', 'json'], 'Định dạng phải là pdf, xlsx hoặc json.').default('json'),
});

export const dossierFormParamsSchema = z.object({
  id: uuid('Mã hồ sơ không hợp lệ.'),
  form: z.enum(['01', '02', '03', '04', '05', '06'], 'Mẫu phải là 01 đến 06.'),
});

/** One dossier of "Hồ sơ của tôi" (`GET /api/my/dossiers`): the applicant's own, with what is asked of them. */
export const myDossierListItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(dossierStatuses),
  procedureCode: z.string(),
  procedureName: z.string(),
  handlingUnitName: z.string(),
  channel: z.enum(channels),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  /** What the handling unit asks of the applicant now (a supplement to add), else null. */
  request: z
    .object({ kind: z.literal('supplement'), reason: z.string(), positions: z.array(z.number()), items: z.array(z.string()) })
    .nullable(),
  version: z.number(),
});

export const myDossierListQuerySchema = z.object({ page: pageSchema, pageSize: pageSizeSchema });

export const myDossierListSchema = z.object({
  items: z.array(myDossierListItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** The answer to the national portal: the dossier it created (the same one for the same request). */
export const nationalPortalDossierAnswerSchema = z.object({
  dossierId: z.string(),
  code: z.string(),
  status: z.enum(dossierStatuses),
  portalRef: z.string(),
  submittedAt: z.string(),
});

export const dossierFileParamsSchema = z.object({
  id: uuid('Mã hồ sơ không hợp lệ.'),
  fileId: uuid('Mã tệp không hợp lệ.'),
});

export type MyDossierListItem = z.infer<typeof myDossierListItemSchema>;
export type MyDossierList = z.infer<typeof myDossierListSchema>;
export type NationalPortalDossierAnswer = z.infer<typeof nationalPortalDossierAnswerSchema>;

/** `GET /api/dossiers/:id/assignees`: the specialists the appraisal step may go to (name and unit only). */
export const dossierAssigneeListSchema = z.object({
  items: z.array(z.object({ id: z.string(), fullName: z.string(), unitName: z.string().nullable() })),
});

export type Applicant = z.infer<typeof applicantSchema>;
export type IntakeComponent = z.infer<typeof intakeComponentSchema>;
export type ReceiveDossierRequest = z.input<typeof receiveDossierBodySchema>;
export type ReceiveDossierBody = z.infer<typeof receiveDossierBodySchema>;
export type SubmitOnlineDossierBody = z.infer<typeof submitOnlineDossierBodySchema>;
export type DossierActionBody = z.infer<typeof dossierActionBodySchema>;
export type DossierActionRequest = z.input<typeof dossierActionBodySchema>;
export type DossierListQuery = z.infer<typeof dossierListQuerySchema>;
export type DossierView = z.infer<typeof dossierViewSchema>;
export type DossierStepView = z.infer<typeof dossierStepViewSchema>;
export type DossierEventView = z.infer<typeof dossierEventViewSchema>;
export type DossierListItem = z.infer<typeof dossierListItemSchema>;
export type DossierList = z.infer<typeof dossierListSchema>;
export type PublicDossierStatus = z.infer<typeof publicDossierStatusSchema>;
export type NationalPortalDossierBody = z.infer<typeof nationalPortalDossierBodySchema>;

/** `GET /api/dossiers/frequent-procedures`: what the actor's desks received most lately (the intake screen's picks). */
export const frequentProceduresSchema = z.object({
  days: z.number(),
  items: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
});
export type FrequentProcedures = z.infer<typeof frequentProceduresSchema>;
