import { Alert, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { decisionTypes as DECISION_TYPES } from '../../../../../../src/contract/enums';
import { DateField } from '../../../../components/date-fields';
import { vi } from '../../../../i18n/vi';
import type { ProcedureForm } from '../procedure-form-values';

const m = vi.adminProcedures.decision;

/** The publication decision; a new procedure is published as "new", a new version by any other type. */
export function DecisionFields({ form, isNewProcedure }: { form: ProcedureForm; isNewProcedure: boolean }) {
  const typeOptions = DECISION_TYPES.filter((type) => (type === 'new') === isNewProcedure).map((type) => ({
    value: type,
    label: vi.labels.decisionTypes[type],
  }));
  return (
    <Stack>
      <Text size="sm" c="gray.8">
        {m.hint}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <TextInput label={m.number} required {...form.getInputProps('decision.number')} />
        <DateField label={m.date} required {...form.getInputProps('decision.date')} />
        <TextInput label={m.signer} required {...form.getInputProps('decision.signer')} />
        <TextInput label={m.signerTitle} required {...form.getInputProps('decision.signerTitle')} />
        <TextInput label={m.issuerName} required {...form.getInputProps('decision.issuerName')} />
        <NativeSelect label={m.type} required data={typeOptions} {...form.getInputProps('decision.type')} />
        <DateField label={m.effectiveDate} required {...form.getInputProps('decision.effectiveDate')} />
      </SimpleGrid>
      {form.getValues().decision.type === 'abolished' && (
        <Alert color="orange" role="status">
          {m.abolishHint}
        </Alert>
      )}
    </Stack>
  );
}
