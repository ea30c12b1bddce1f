// Shape of one element of src/modules/catalog/fixtures/demo-procedures.json.gz.
// The product's catalog importer reads this shape; scripts/demo-data/README.md documents every field.

export type ProcedureLevel = 'province' | 'commune' | 'ministry';
export type ApplicantType = 'citizen' | 'business' | 'organization' | 'foreigner' | 'state_agency';
export type Channel = 'direct' | 'online' | 'postal';
export type TimeUnit = 'working_days' | 'working_hours' | 'calendar_days';
export type OnlineLevel = 'full' | 'partial' | 'none';
export type ProcessRole = 'desk_officer' | 'division_head' | 'specialist' | 'unit_leader' | 'clerk';

/** Placeholder unit codes: resolved by the product to every commune UBND / every commune desk. */
export const COMMUNE = 'COMMUNE';
export const COMMUNE_DESK = 'COMMUNE_DESK';
export const UNIT_PLACEHOLDERS: readonly string[] = [COMMUNE, COMMUNE_DESK];

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
  /** No file in the national data: the public page says the form is obtained at the one-stop desk. */
  formFile: null;
}

export interface ProcessingTime {
  amount: number;
  unit: TimeUnit;
  text: string | null;
  isDefault: boolean;
}

export interface ProcedureFee {
  name: string;
  amountVnd: number | null;
  text: string | null;
  kind: 'fee' | 'charge';
}

export interface LegalBasis {
  number: string;
  title: string | null;
  date: string | null;
  /** The national records give no effective date (null); the demo's own procedures cite a known one. */
  effectiveDate: string | null;
}

/** Cơ quan có thẩm quyền quyết định, from the record's agency column. */
export interface DecidingAuthority {
  name: string;
  unitCode: string | null;
}

export interface StepBudget {
  amount: number;
  unit: TimeUnit;
}

export interface ProcessTemplateStep {
  order: number;
  name: string;
  role: ProcessRole;
  unitCode: string;
  budget: StepBudget;
}

export interface ProcedureInput {
  code: string;
  name: string;
  field: string;
  levels: ProcedureLevel[];
  handlingUnitCodes: string[];
  receivingUnitCodes: string[];
  decidingAuthority: DecidingAuthority | null;
  coordinatingAgencies: { unitCode: string | null; name: string }[];
  delegations: { kind: 'delegation' | 'decentralisation'; from: string; to: string; legalBasis: string | null }[];
  applicantTypes: ApplicantType[];
  applicantsText: string | null;
  methods: ProcedureMethod[];
  steps: string[];
  components: ProcedureComponent[];
  dossierSets: number;
  processingTime: ProcessingTime;
  fees: ProcedureFee[];
  result: string | null;
  resultTemplates: { name: string; file: null }[];
  conditions: string | null;
  legalBasis: LegalBasis[];
  onlineLevel: OnlineLevel;
  locationIndependent: boolean;
  postalEligible: boolean;
  businessRelated: boolean;
  internalGroup: 'A' | 'B' | null;
  processTemplate: ProcessTemplateStep[];
  sourceUrl: string | null;
  source: string;
  /** Names of fields this generator invented rather than read; ["*"] = the whole record is invented. */
  demoGenerated: string[];
}

export type UnitType = 'province' | 'department' | 'division' | 'commune' | 'district' | 'desk' | 'vertical_agency';

/** One element of `units` in src/modules/org/fixtures/demo-units.json. */
export interface DemoUnit {
  code: string;
  name: string;
  shortName: string;
  type: UnitType;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
  address: string;
}
