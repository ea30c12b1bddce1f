import type { UseFormReturnType } from '@mantine/form';
import type { AttachedFile, ProcedureDetail, ProcedureInput } from '../../../../../src/contract/catalog';
import type {
  ApplicantType,
  Channel,
  DecisionType,
  DelegationKind,
  FeeKind,
  InternalGroup,
  Level,
  OnlineLevel,
  ProcessRole,
  TimeUnit,
} from '../../../../../src/contract/enums';
import { emptyToNull } from '../../../components/form-errors';

/** Number inputs hold '' while empty. */
type NumberField = number | '';
/** `key` keeps React rows stable while items are added, removed and moved. */
type Keyed<T> = T & { key: string };

export interface ProcedureFormValues {
  code: string;
  decision: {
    number: string;
    date: string;
    signer: string;
    signerTitle: string;
    issuerName: string;
    type: DecisionType | '';
    effectiveDate: string;
  };
  procedure: {
    name: string;
    field: string;
    /** Where the base version's record came from; not edited in the form, but kept in the new version. */
    source: string | null;
    sourceUrl: string | null;
    demoGenerated: string[];
    levels: Level[];
    handlingUnitCodes: string[];
    receivingUnitCodes: string[];
    /** The authority that decides; left empty (name '') when the handling agency decides itself. */
    decidingAuthority: { name: string; unitCode: string | null };
    coordinatingAgencies: Keyed<{ unitCode: string | null; name: string }>[];
    delegations: Keyed<{ kind: DelegationKind; from: string; to: string; legalBasis: string }>[];
    applicantTypes: ApplicantType[];
    applicantsText: string;
    methods: Keyed<{ channel: Channel; description: string }>[];
    steps: string[];
    components: Keyed<{
      name: string;
      originals: NumberField;
      copies: NumberField;
      required: boolean;
      formTemplate: string;
      mustDigitise: boolean;
      reusableDocumentType: string;
      group: string;
      formFile: AttachedFile | null;
    }>[];
    dossierSets: NumberField;
    processingTime: { amount: NumberField; unit: TimeUnit; text: string };
    fees: Keyed<{ name: string; amountVnd: NumberField; text: string; kind: FeeKind }>[];
    result: string;
    resultTemplates: Keyed<{ name: string; file: AttachedFile | null }>[];
    conditions: string;
    legalBasis: Keyed<{ number: string; title: string; date: string; effectiveDate: string }>[];
    onlineLevel: OnlineLevel;
    locationIndependent: boolean;
    postalEligible: boolean;
    businessRelated: boolean;
    internalGroup: InternalGroup | '';
    processTemplate: Keyed<{
      name: string;
      role: ProcessRole | '';
      unitCode: string | null;
      budget: { amount: NumberField; unit: TimeUnit };
    }>[];
  };
}

export type ProcedureForm = UseFormReturnType<ProcedureFormValues>;

const newKey = () => crypto.randomUUID();
const toNumberField = (value: number | null): NumberField => value ?? '';
const toNullableNumber = (value: NumberField): number | null => (value === '' ? null : value);
/** Required numbers left empty are sent as 0 so that the server names the field in its answer. */
const toNumber = (value: NumberField): number => (value === '' ? 0 : value);

export const emptyItems = {
  method: () => ({ key: newKey(), channel: 'direct' as Channel, description: '' }),
  component: () => ({
    key: newKey(),
    name: '',
    originals: 1 as NumberField,
    copies: 0 as NumberField,
    required: true,
    formTemplate: '',
    mustDigitise: false,
    reusableDocumentType: '',
    group: '',
    formFile: null as AttachedFile | null,
  }),
  coordinatingAgency: () => ({ key: newKey(), unitCode: null as string | null, name: '' }),
  delegation: () => ({ key: newKey(), kind: 'delegation' as DelegationKind, from: '', to: '', legalBasis: '' }),
  resultTemplate: () => ({ key: newKey(), name: '', file: null as AttachedFile | null }),
  fee: () => ({ key: newKey(), name: '', amountVnd: '' as NumberField, text: '', kind: 'charge' as FeeKind }),
  legal: () => ({ key: newKey(), number: '', title: '', date: '', effectiveDate: '' }),
  processStep: () => ({
    key: newKey(),
    name: '',
    role: '' as ProcessRole | '',
    unitCode: null,
    budget: { amount: '' as NumberField, unit: 'working_days' as TimeUnit },
  }),
};

function toProcedureValues(detail: ProcedureDetail): ProcedureFormValues['procedure'] {
  return {
    name: detail.name,
    field: detail.field,
    source: detail.source ?? null,
    sourceUrl: detail.sourceUrl ?? null,
    demoGenerated: detail.demoGenerated ?? [],
    levels: detail.levels,
    handlingUnitCodes: detail.handlingUnits.map((unit) => unit.code),
    receivingUnitCodes: detail.receivingUnits.map((unit) => unit.code),
    decidingAuthority: { name: detail.decidingAuthority?.name ?? '', unitCode: detail.decidingAuthority?.unitCode ?? null },
    coordinatingAgencies: detail.coordinatingAgencies.map((agency) => ({ ...agency, key: newKey() })),
    delegations: detail.delegations.map((delegation) => ({ ...delegation, key: newKey(), legalBasis: delegation.legalBasis ?? '' })),
    applicantTypes: detail.applicantTypes,
    applicantsText: detail.applicantsText ?? '',
    methods: detail.methods.map((method) => ({ ...method, key: newKey(), description: method.description ?? '' })),
    steps: detail.steps,
    components: detail.components.map((component) => ({
      ...component,
      key: newKey(),
      originals: component.originals,
      copies: component.copies,
      formTemplate: component.formTemplate ?? '',
      reusableDocumentType: component.reusableDocumentType ?? '',
      group: component.group ?? '',
      formFile: component.formFile,
    })),
    dossierSets: toNumberField(detail.dossierSets),
    processingTime: {
      amount: detail.processingTime.amount,
      unit: detail.processingTime.unit,
      text: detail.processingTime.text ?? '',
    },
    fees: detail.fees.map((fee) => ({
      ...fee,
      key: newKey(),
      amountVnd: toNumberField(fee.amountVnd),
      text: fee.text ?? '',
    })),
    result: detail.result ?? '',
    resultTemplates: detail.resultTemplates.map((template) => ({ ...template, key: newKey() })),
    conditions: detail.conditions ?? '',
    legalBasis: detail.legalBasis.map((document) => ({
      ...document,
      key: newKey(),
      title: document.title ?? '',
      date: document.date ?? '',
      effectiveDate: document.effectiveDate ?? '',
    })),
    onlineLevel: detail.onlineLevel,
    locationIndependent: detail.locationIndependent,
    postalEligible: detail.postalEligible,
    businessRelated: detail.businessRelated,
    internalGroup: detail.internalGroup ?? '',
    processTemplate: [...detail.processTemplate]
      .sort((a, b) => a.order - b.order)
      .map(({ order: _order, ...step }) => ({ ...step, key: newKey(), budget: { ...step.budget } })),
  };
}

const emptyProcedure: ProcedureFormValues['procedure'] = {
  name: '',
  field: '',
  source: null,
  sourceUrl: null,
  demoGenerated: [],
  levels: [],
  handlingUnitCodes: [],
  receivingUnitCodes: [],
  decidingAuthority: { name: '', unitCode: null },
  coordinatingAgencies: [],
  delegations: [],
  applicantTypes: [],
  applicantsText: '',
  methods: [],
  steps: [],
  components: [],
  dossierSets: 1,
  processingTime: { amount: '', unit: 'working_days', text: '' },
  fees: [],
  result: '',
  resultTemplates: [],
  conditions: '',
  legalBasis: [],
  onlineLevel: 'none',
  locationIndependent: false,
  postalEligible: false,
  businessRelated: false,
  internalGroup: '',
  processTemplate: [],
};

/** Form values for a new version of `detail`, or for a new procedure when `detail` is null. */
export function toFormValues(detail: ProcedureDetail | null): ProcedureFormValues {
  return {
    code: detail?.code ?? '',
    decision: {
      number: '',
      date: '',
      signer: '',
      signerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh',
      issuerName: 'UBND tỉnh',
      type: detail ? 'amended' : 'new',
      effectiveDate: '',
    },
    procedure: detail ? toProcedureValues(detail) : emptyProcedure,
  };
}

export function toProcedureInput(values: ProcedureFormValues['procedure']): ProcedureInput {
  const strip = <T extends { key: string }>({ key: _key, ...rest }: T) => rest;
  return {
    ...values,
    name: values.name.trim(),
    field: values.field.trim(),
    applicantsText: emptyToNull(values.applicantsText),
    decidingAuthority: values.decidingAuthority.name.trim() ? values.decidingAuthority : null,
    coordinatingAgencies: values.coordinatingAgencies.map((agency) => ({ ...strip(agency), name: agency.name.trim() })),
    delegations: values.delegations.map((delegation) => ({ ...strip(delegation), legalBasis: emptyToNull(delegation.legalBasis) })),
    dossierSets: toNullableNumber(values.dossierSets),
    resultTemplates: values.resultTemplates.map(strip),
    methods: values.methods.map((method) => ({ ...strip(method), description: emptyToNull(method.description) })),
    steps: values.steps.map((step) => step.trim()).filter(Boolean),
    components: values.components.map((component) => ({
      ...strip(component),
      originals: toNumber(component.originals),
      copies: toNumber(component.copies),
      formTemplate: emptyToNull(component.formTemplate),
      reusableDocumentType: emptyToNull(component.reusableDocumentType),
      group: emptyToNull(component.group),
    })),
    processingTime: {
      ...values.processingTime,
      amount: toNumber(values.processingTime.amount),
      text: emptyToNull(values.processingTime.text),
    },
    fees: values.fees.map((fee) => ({
      ...strip(fee),
      amountVnd: toNullableNumber(fee.amountVnd),
      text: emptyToNull(fee.text),
    })),
    result: emptyToNull(values.result),
    conditions: emptyToNull(values.conditions),
    legalBasis: values.legalBasis.map((document) => ({
      ...strip(document),
      title: emptyToNull(document.title),
      date: emptyToNull(document.date),
      effectiveDate: emptyToNull(document.effectiveDate),
    })),
    internalGroup: values.internalGroup === '' ? null : values.internalGroup,
    processTemplate: values.processTemplate.map((step, index) => ({
      ...strip(step),
      order: index + 1,
      role: step.role as ProcessRole,
      budget: { ...step.budget, amount: toNumber(step.budget.amount) },
    })),
  };
}
