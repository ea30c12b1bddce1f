import { Checkbox, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { applicantSchema, personalIdSchema, phoneSchema } from '../../../../../src/contract/dossiers';
import type { ApplicantKind } from '../../../../../src/contract/enums';
import type { ReceiveDossierRequest } from '../../../api/dossiers';
import { emptyToNull } from '../../../components/form-errors';
import { vi } from '../../../i18n/vi';

const m = vi.dossiers.applicant;

export type ApplicantValues = {
  kind: ApplicantKind;
  fullName: string;
  idNumber: string;
  address: string;
  phone: string;
  email: string;
  hasRepresentative: boolean;
  representativeName: string;
  representativeId: string;
  authorisation: string;
};

export const emptyApplicant: ApplicantValues = {
  kind: 'individual',
  fullName: '',
  idNumber: '',
  address: '',
  phone: '',
  email: '',
  hasRepresentative: false,
  representativeName: '',
  representativeId: '',
  authorisation: '',
};

export function toApplicant(values: ApplicantValues): ReceiveDossierRequest['applicant'] {
  return {
    kind: values.kind,
    fullName: values.fullName.trim(),
    idNumber: values.idNumber.trim(),
    address: emptyToNull(values.address),
    phone: emptyToNull(values.phone),
    email: emptyToNull(values.email),
    representative: values.hasRepresentative
      ? {
          fullName: values.representativeName.trim(),
          idNumber: emptyToNull(values.representativeId),
          phone: null,
          authorisation: emptyToNull(values.authorisation),
        }
      : null,
  };
}

/** The contract's own checks (CCCD 12 digits, tax code 10 or 13, phone, e-mail), keyed by the form's field names. */
export function validateApplicant(values: ApplicantValues, prefix = 'applicant'): Record<string, string> {
  const errors: Record<string, string> = {};
  const parsed = applicantSchema.safeParse(toApplicant(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (field !== 'representative' && !errors[`${prefix}.${field}`]) errors[`${prefix}.${field}`] = issue.message;
    }
  }
  if (values.hasRepresentative) {
    if (!values.representativeName.trim()) errors[`${prefix}.representativeName`] = vi.common.required;
    const id = values.representativeId.trim();
    if (id && !personalIdSchema.safeParse(id).success)
      errors[`${prefix}.representativeId`] = personalIdSchema.safeParse(id).error?.issues[0]?.message ?? '';
  }
  if (values.phone.trim() && !phoneSchema.safeParse(values.phone).success)
    errors[`${prefix}.phone`] = phoneSchema.safeParse(values.phone).error?.issues[0]?.message ?? '';
  return errors;
}

// biome-ignore lint/suspicious/noExplicitAny: the applicant fields sit inside different forms (intake, online filing)
type AnyForm = UseFormReturnType<any>;

/** Individual (CCCD) or organisation (tax code), contact, and an optional authorised representative. */
export function ApplicantFields({
  form,
  prefix = 'applicant',
  isKindLocked = false,
}: {
  form: AnyForm;
  prefix?: string;
  isKindLocked?: boolean;
}) {
  const values = form.getValues()[prefix] as ApplicantValues;
  const input = (field: keyof ApplicantValues) => form.getInputProps(`${prefix}.${field}`);
  const isIndividual = values.kind === 'individual';
  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={500} id={`${prefix}-kind-label`} mb={4}>
          {m.kind}
        </Text>
        <SegmentedControl
          aria-labelledby={`${prefix}-kind-label`}
          disabled={isKindLocked}
          data={[
            { value: 'individual', label: vi.dossiers.labels.applicantKinds.individual },
            { value: 'organization', label: vi.dossiers.labels.applicantKinds.organization },
          ]}
          {...input('kind')}
        />
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={isIndividual ? m.fullName : m.organizationName} required autoComplete="name" {...input('fullName')} />
        <TextInput label={isIndividual ? m.idNumber : m.taxCode} required inputMode="numeric" {...input('idNumber')} />
        <TextInput label={m.phone} type="tel" autoComplete="tel" {...input('phone')} />
        <TextInput label={m.email} type="email" autoComplete="email" {...input('email')} />
      </SimpleGrid>
      <Textarea label={m.address} autosize minRows={1} {...input('address')} />
      <Checkbox label={m.hasRepresentative} {...form.getInputProps(`${prefix}.hasRepresentative`, { type: 'checkbox' })} />
      {values.hasRepresentative && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={m.representativeName} required {...input('representativeName')} />
          <TextInput label={m.representativeId} inputMode="numeric" {...input('representativeId')} />
          <TextInput label={m.authorisation} {...input('authorisation')} />
        </SimpleGrid>
      )}
    </Stack>
  );
}
