/**
 * The code values of the API, defined once: the database schema types its columns with them, the request and
 * response schemas validate them, the web app offers them as choices (and labels.ts names them in Vietnamese).
 * Imports nothing, so that the web bundle can use it.
 */

// auth
export const roles = [
  'citizen',
  'business',
  'desk_officer',
  'specialist',
  'division_head',
  'unit_leader',
  'procedure_controller',
  'provincial_office',
  'admin',
] as const;
export type Role = (typeof roles)[number];

/** The roles of the administration's own staff (everyone but citizens and businesses). */
export const staffRoles: readonly Role[] = [
  'desk_officer',
  'specialist',
  'division_head',
  'unit_leader',
  'procedure_controller',
  'provincial_office',
  'admin',
];

// org
/** `vertical_agency`: a central agency organised vertically with a branch in the province (Công an, Thuế, Hải quan, Kho bạc,
 * NHNN, BHXH, THADS, courts): its procedures are published by its ministry and stay out of the NQ 66 figures. */
export const unitTypes = ['province', 'department', 'division', 'commune', 'district', 'desk', 'vertical_agency'] as const;
export type UnitType = (typeof unitTypes)[number];

// catalog
export const decisionTypes = ['new', 'amended', 'replaced', 'abolished'] as const;
export type DecisionType = (typeof decisionTypes)[number];
/** A decision publishes the list of procedures only, or their full content (NĐ 63 Điều 15). */
export const decisionForms = ['full', 'list'] as const;
export type DecisionForm = (typeof decisionForms)[number];
/** Flags a province publishes as lists and changes by list decisions, without a new version of the procedure. */
export const procedureListFlags = [
  'fullOnlineEligible',
  'oneStopDesk',
  'electronicResult',
  'nationalPortal',
  'technicalRegulation',
] as const;
export type ProcedureListFlag = (typeof procedureListFlags)[number];

export const timeUnits = ['working_days', 'working_hours', 'calendar_days'] as const;
export type TimeUnit = (typeof timeUnits)[number];

export const levels = ['province', 'commune', 'ministry'] as const;
export type Level = (typeof levels)[number];

export const onlineLevels = ['full', 'partial', 'none'] as const;
export type OnlineLevel = (typeof onlineLevels)[number];

/** `state_agency`: state agencies and their officials (cơ quan nhà nước, cán bộ, công chức), who file internal procedures. */
export const applicantTypes = ['citizen', 'business', 'organization', 'foreigner', 'state_agency'] as const;
export type ApplicantType = (typeof applicantTypes)[number];

/** Who performs a step of an internal process; `clerk` (văn thư) holds no account role. */
export const processRoles = ['desk_officer', 'specialist', 'division_head', 'unit_leader', 'clerk'] as const;
export type ProcessRole = (typeof processRoles)[number];

export const channels = ['direct', 'online', 'postal'] as const;
export type Channel = (typeof channels)[number];

export const feeKinds = ['fee', 'charge'] as const;
export type FeeKind = (typeof feeKinds)[number];

/** Internal procedures (TTHC nội bộ, docs/DOMAIN.md §2): nhóm A under central management, published by the ministries; nhóm B in the province's own scope, published by the Chủ tịch UBND tỉnh. */
export const internalGroups = ['A', 'B'] as const;
export type InternalGroup = (typeof internalGroups)[number];

/** How a competence is handed down (TT 02/2017 forms): ủy quyền (delegation) or phân cấp (decentralisation). */
export const delegationKinds = ['delegation', 'decentralisation'] as const;
export type DelegationKind = (typeof delegationKinds)[number];

export const versionStatuses = ['scheduled', 'in_force', 'superseded', 'abolished'] as const;
export type VersionStatus = (typeof versionStatuses)[number];

// calendar
export const dayKinds = ['holiday', 'compensatory', 'day_off', 'working_day'] as const;
export type DayKind = (typeof dayKinds)[number];

/** What an announcement does to a day: an extra day off, or a make-up working day. */
export const announcementKinds = ['day_off', 'working_day'] as const;
export type AnnouncementKind = (typeof announcementKinds)[number];

export const daySources = ['computed', 'announced'] as const;
export type DaySource = (typeof daySources)[number];

/** Statutory holidays an announcement may rearrange (e.g. the official Tết days replace the computed ones). */
export const holidayGroups = ['new_year', 'tet', 'hung_kings', 'reunification', 'labour', 'national_day', 'culture_day'] as const;
export type HolidayGroup = (typeof holidayGroups)[number];

// reform (NQ 66/NQ-CP programme)
/** The years of the programme (Nghị quyết 66/NQ-CP: targets for 2025 and 2026). */
export const reformYears = [2025, 2026] as const;

export const reductionMethods = ['unweighted', 'weighted'] as const;
export type ReductionMethod = (typeof reductionMethods)[number];

export const reformIndicators = [
  'time_reduction',
  'cost_reduction',
  'business_procedures_online',
  'location_independent',
  'internal_procedures_published',
  'internal_procedures_electronic',
  'business_conditions_cut',
  'business_reporting_electronic',
  'time_reduction_business',
  'cost_reduction_business',
  'time_reduction_internal',
  'cost_reduction_internal',
  'time_reduction_vertical',
  'cost_reduction_vertical',
  'business_conditions_simplified',
  'business_conditions_outside_list',
  'procedures_full_online',
  'information_once',
] as const;
export type ReformIndicator = (typeof reformIndicators)[number];

/** `no_target`: a figure shown for information (e.g. central vertical agencies' procedures), with no target. */
export const indicatorStatuses = ['met', 'behind', 'no_data', 'no_target'] as const;
export type IndicatorStatus = (typeof indicatorStatuses)[number];

/** Where a worksheet's yearly counts come from. */
export const figureSources = ['entered', 'measured', 'demo'] as const;
export type FigureSource = (typeof figureSources)[number];

export const proposalStatuses = ['draft', 'submitted', 'consolidated', 'approved', 'implemented', 'rejected'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

export const proposalActions = ['submit', 'reopen', 'consolidate', 'approve', 'reject', 'record_central_decision', 'implement'] as const;
/** How an official signs a document (NĐ 30/2020): as the head, "KT." for the head (a deputy), "Q." as acting head. */
export const signingForms = ['head', 'deputy', 'acting'] as const;
/** What a ministry decided on a central vertical agency's proposal (recorded by the province: record_central_decision). */
export const centralDecisionOutcomes = ['approved', 'rejected'] as const;
export type ProposalAction = (typeof proposalActions)[number];

export const reformMeasures = [
  'abolish',
  'cut_components',
  'shorten_time',
  'move_online_full',
  'move_online_partial',
  'reuse_data',
  'location_independent',
  'ex_post_control',
  'single_inspection',
  'decentralise',
  'hand_to_organisations',
  'merge_procedures',
] as const;
export type ReformMeasure = (typeof reformMeasures)[number];

export const proposalDocumentFormats = ['docx', 'pdf'] as const;
export type ProposalDocumentFormat = (typeof proposalDocumentFormats)[number];

export const conditionForms = ['licence', 'certificate', 'practising_certificate', 'written_confirmation', 'approval'] as const;
export type ConditionForm = (typeof conditionForms)[number];

export const conditionAssessments = ['necessary', 'unnecessary', 'overlapping', 'vague'] as const;
export type ConditionAssessment = (typeof conditionAssessments)[number];

export const conditionActions = ['abolish', 'simplify', 'keep'] as const;
export type ConditionAction = (typeof conditionActions)[number];

export const conditionStatuses = ['in_force', 'proposed', 'abolished', 'simplified'] as const;
export type ConditionStatus = (typeof conditionStatuses)[number];

/** Who issued the regulation a business condition comes from: the province abolishes only its own. */
export const conditionSourceLevels = ['central', 'provincial'] as const;
export type ConditionSourceLevel = (typeof conditionSourceLevels)[number];

/** Which NQ 66 figures a procedure belongs to (docs/api/reform.md, "Scope"). */
export const reformScopes = ['province', 'vertical', 'internal'] as const;
export type ReformScope = (typeof reformScopes)[number];

// dossiers (docs/api/dossiers.md; docs/DOMAIN.md §3–4)
/**
 * Where a dossier stands. `submitted`: arrived online, not yet checked at the desk. `supplement_requested`: waiting for
 * the applicant (before acceptance, Mẫu 02; after it the clock is paused). `processing`: accepted, moving through its
 * steps. `result_ready`: result issued, waiting to be returned. Ends: `returned`, `refused` (Mẫu 03), `stopped` (Mẫu 05).
 */
export const dossierStatuses = [
  'submitted',
  'supplement_requested',
  'processing',
  'result_ready',
  'returned',
  'refused',
  'stopped',
] as const;
export type DossierStatus = (typeof dossierStatuses)[number];

/** The actions of `POST /api/dossiers/:id/actions`, named as issue 12 names them. */
export const dossierActions = [
  'accept',
  'request_supplement',
  'resume',
  'refuse',
  'transfer',
  'assign',
  'submit_for_review',
  'send_back',
  'approve',
  'consult',
  'consult_reply',
  'issue_result',
  'return_result',
  'apologize',
  'stop',
] as const;
export type DossierAction = (typeof dossierActions)[number];

/** How a dossier came in: at a desk (channel direct or postal), online by a signed-in applicant, or from the national portal. */
export const dossierSources = ['desk', 'online', 'national_portal'] as const;
export type DossierSource = (typeof dossierSources)[number];

export const applicantKinds = ['individual', 'organization'] as const;
export type ApplicantKind = (typeof applicantKinds)[number];

/** How a component is present: a digitised file, paper (to digitise), reused from an earlier result, or missing. */
export const componentPresences = ['file', 'paper', 'reused', 'missing'] as const;
export type ComponentPresence = (typeof componentPresences)[number];

export const timingClasses = ['early', 'on_time', 'late'] as const;
export type TimingClass = (typeof timingClasses)[number];

export const dossierStepStatuses = ['pending', 'active', 'done', 'skipped'] as const;
export type DossierStepStatus = (typeof dossierStepStatuses)[number];

export const returnMethods = ['desk', 'online', 'postal'] as const;
export type ReturnMethod = (typeof returnMethods)[number];

export const portalSyncStates = ['not_required', 'pending', 'sent', 'failed'] as const;
export type PortalSyncState = (typeof portalSyncStates)[number];

/** The forms of TT 03/2025 a dossier produces (07, the tracking book, is per unit and period). */
export const dossierForms = ['01', '02', '03', '04', '05', '06'] as const;
export type DossierForm = (typeof dossierForms)[number];

// notify
/** Where a notification goes: e-mail, SMS, Zalo, or the national public-service portal (dossier sync). */
export const notifyChannels = ['email', 'sms', 'zalo', 'national_portal'] as const;
export type NotifyChannel = (typeof notifyChannels)[number];
/**
 * The channels of a message addressed to a phone number: SMS, and Zalo — an official account's notifications (ZNS)
 * are addressed by the phone number of the person's Zalo account (setting NOTIFY_PHONE_CHANNELS).
 */
export const phoneChannels = ['sms', 'zalo'] as const satisfies readonly NotifyChannel[];
export type PhoneChannel = (typeof phoneChannels)[number];
/** NOTIFY_PHONE_CHANNELS unset: texts to a phone go by SMS. */
export const defaultPhoneChannels: readonly PhoneChannel[] = ['sms'];

/** `failed` only after the last attempt; an administrator may put a failed message back in the queue. */
export const notifyStatuses = ['pending', 'sending', 'sent', 'failed'] as const;
export type NotifyStatus = (typeof notifyStatuses)[number];
