import { SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { centralDecisionOutcomes } from '../../../../../src/contract/enums';
import { DateField } from '../../../components/date-fields';
import { vi } from '../../../i18n/vi';

const m = vi.reformProposals.actions;

export type CentralDecision = { number: string; date: string; issuerName: string; outcome: (typeof centralDecisionOutcomes)[number] };

/** The ministry's decision on a central vertical agency's proposal, as the provincial office records it. */
// biome-ignore lint/suspicious/noExplicitAny: the action form's other fields do not matter here
export function CentralDecisionFields({ form }: { form: UseFormReturnType<any> }) {
  return (
    <Stack gap="sm">
      <TextInput label={m.centralNumber} required data-autofocus {...form.getInputProps('centralDecision.number')} />
      <DateField label={m.centralDate} required {...form.getInputProps('centralDecision.date')} />
      <TextInput label={m.centralIssuer} required {...form.getInputProps('centralDecision.issuerName')} />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="central-outcome-label">
          {m.centralOutcome}
        </Text>
        <SegmentedControl
          aria-labelledby="central-outcome-label"
          data={centralDecisionOutcomes.map((value) => ({ value, label: m.centralOutcomes[value] }))}
          {...form.getInputProps('centralDecision.outcome')}
        />
      </Stack>
    </Stack>
  );
}
