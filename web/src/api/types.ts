// Shapes of the motcua JSON API, as agreed in the API contract.

export const ROLES = [
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
export type Role = (typeof ROLES)[number];

export interface RoleAssignment {
  role: Role;
  unitId: string | null;
  unitName: string | null;
}

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  roles: RoleAssignment[];
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const LEVELS = ['province', 'commune', 'ministry'] as const;
export type Level = (typeof LEVELS)[number];

export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

export const TIME_UNITS = ['working_days', 'working_hours', 'calendar_days'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export interface Duration {
  amount: number;
  unit: TimeUnit;
}

export interface ProcessingTime extends Duration {
  /** The published wording, when it says more than amount and unit. */
  text: string | null;
}

export interface UnitRef {
  code: string;
  name: string;
}

export interface ProcedureSummary {
  code: string;
  name: string;
  field: string;
  levels: Level[];
  onlineLevel: OnlineLevel;
  processingTime: ProcessingTime;
  handlingUnits: UnitRef[];
  businessRelated: boolean;
  locationIndependent: boolean;
  feeSummary: string;
  versionNo: number;
}

export interface FieldCount {
  name: string;
  count: number;
}

export const CHANNELS = ['direct', 'online', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ProcedureMethod {
  channel: Channel;
  description: string | null;
}

export interface ProcedureComponent {
  name: string;
  originals: number;
  copies: number;
  required: boolean;
  formTemplate: string | null;
  mustDigitise: boolean;
  reusableDocumentType: string | null;
  group: string | null;
}

export const FEE_KINDS = ['fee', 'charge'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];

export interface ProcedureFee {
  name: string;
  amountVnd: number | null;
  text: string | null;
  kind: FeeKind;
}

export interface LegalDocument {
  number: string;
  title: string | null;
  date: string | null;
}

export const APPLICANT_TYPES = ['citizen', 'business', 'organization', 'foreigner'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const INTERNAL_GROUPS = ['A', 'B'] as const;
export type InternalGroup = (typeof INTERNAL_GROUPS)[number];

/** Who performs a step of an internal process; `clerk` (văn thư) holds no account role. */
export const PROCESS_ROLES = ['desk_officer', 'specialist', 'division_head', 'unit_leader', 'clerk'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

export interface ProcessStep {
  order: number;
  name: string;
  role: ProcessRole;
  unitCode: string | null;
  budget: Duration;
}

export const DECISION_TYPES = ['new', 'amended', 'replaced', 'abolished'] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

export interface PublicationDecision {
  number: string;
  date: string;
  signer: string;
  type: DecisionType;
  effectiveDate: string;
}

export type VersionStatus = 'scheduled' | 'in_force' | 'superseded' | 'abolished';

export interface VersionSummary {
  versionNo: number;
  status: VersionStatus;
  effectiveFrom: string;
  effectiveTo: string | null;
  decision: PublicationDecision | null;
}

/** The fields an administrator edits; shared by the detail view and the publish request. */
export interface ProcedureContent {
  name: string;
  field: string;
  levels: Level[];
  applicantTypes: ApplicantType[];
  applicantsText: string | null;
  methods: ProcedureMethod[];
  steps: string[];
  components: ProcedureComponent[];
  processingTime: ProcessingTime;
  fees: ProcedureFee[];
  result: string | null;
  conditions: string | null;
  legalBasis: LegalDocument[];
  onlineLevel: OnlineLevel;
  locationIndependent: boolean;
  postalEligible: boolean;
  businessRelated: boolean;
  internalGroup: InternalGroup | null;
  processTemplate: ProcessStep[];
}

export interface ProcedureDetail extends ProcedureContent {
  code: string;
  versionNo: number;
  /** The newest published version, possibly not yet in force: new versions are based on it. */
  latestVersionNo: number;
  status: VersionStatus;
  handlingUnits: UnitRef[];
  receivingUnits: UnitRef[];
  demoGenerated: string[];
  decision: PublicationDecision | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  versions: VersionSummary[];
}

export interface ProcedureInput extends ProcedureContent {
  handlingUnitCodes: string[];
  receivingUnitCodes: string[];
}

export const UNIT_TYPES = ['province', 'department', 'division', 'commune', 'district', 'desk'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export interface Unit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  type: UnitType;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  successorId: string | null;
  address: string | null;
  version: number;
}

export interface UserAccount {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  personalId: string | null;
  taxCode: string | null;
  isActive: boolean;
  roles: RoleAssignment[];
  version: number;
}

export interface WorkingSession {
  start: string;
  end: string;
}

export type DayKind = 'holiday' | 'compensatory' | 'day_off' | 'working_day';

export interface CalendarDay {
  date: string;
  isWorking: boolean;
  kind: DayKind;
  name: string;
  source: 'computed' | 'announced';
  announcementId: string | null;
  basis: string | null;
}

export interface CalendarYear {
  year: number;
  sessions: WorkingSession[];
  days: CalendarDay[];
  isAnnouncedListComplete: boolean;
}

/** Statutory holidays an announcement may rearrange (e.g. the official Tết days replace the computed ones). */
export const HOLIDAY_GROUPS = ['new_year', 'tet', 'hung_kings', 'reunification', 'labour', 'national_day', 'culture_day'] as const;
export type HolidayGroup = (typeof HOLIDAY_GROUPS)[number];
