import { Autocomplete, Checkbox, Group, MultiSelect, NativeSelect, SimpleGrid, Stack, Textarea } from '@mantine/core';
import type { UnitRef } from '../../../../../../src/contract/catalog';
import {
  applicantTypes as APPLICANT_TYPES,
  internalGroups as INTERNAL_GROUPS,
  levels as LEVELS,
  onlineLevels as ONLINE_LEVELS,
} from '../../../../../../src/contract/enums';
import { useFields } from '../../../../api/procedures';
import { useUnits } from '../../../../api/units';
import { vi } from '../../../../i18n/vi';
import type { ProcedureForm } from '../procedure-form-values';

const m = vi.adminProcedures.general;
const labels = vi.labels;
const onlineOptions = ONLINE_LEVELS.map((level) => ({ value: level, label: labels.onlineLevels[level] }));
const groupOptions = [
  { value: '', label: m.internalGroupNone },
  ...INTERNAL_GROUPS.map((group) => ({ value: group, label: labels.internalGroups[group] })),
];

/** Unit choices by code; units the version names but the tree no longer has stay selectable. */
function useUnitOptions(knownUnits: UnitRef[]) {
  const { data: units = [] } = useUnits();
  const options = new Map(knownUnits.map((unit) => [unit.code, unit.name]));
  for (const unit of units) options.set(unit.code, unit.name);
  return [...options].map(([code, name]) => ({ value: code, label: `${name} (${code})` }));
}

export function GeneralFields({ form, knownUnits }: { form: ProcedureForm; knownUnits: UnitRef[] }) {
  const { data: fields = [] } = useFields();
  const unitOptions = useUnitOptions(knownUnits);
  const flags = vi.procedureFields;

  return (
    <Stack>
      <Textarea label={m.name} required autosize minRows={2} {...form.getInputProps('procedure.name')} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Autocomplete
          label={m.field}
          required
          data={fields.map((field) => field.name)}
          limit={20}
          {...form.getInputProps('procedure.field')}
        />
        <Checkbox.Group label={m.levels} required {...form.getInputProps('procedure.levels')}>
          <Group gap="lg" mt={6}>
            {LEVELS.map((level) => (
              <Checkbox key={level} value={level} label={labels.levels[level]} />
            ))}
          </Group>
        </Checkbox.Group>
        <MultiSelect
          label={m.handlingUnits}
          required
          data={unitOptions}
          searchable
          limit={50}
          {...form.getInputProps('procedure.handlingUnitCodes')}
        />
        <MultiSelect
          label={m.receivingUnits}
          data={unitOptions}
          searchable
          limit={50}
          {...form.getInputProps('procedure.receivingUnitCodes')}
        />
        <Checkbox.Group label={m.applicantTypes} required {...form.getInputProps('procedure.applicantTypes')}>
          <Group gap="lg" mt={6}>
            {APPLICANT_TYPES.map((type) => (
              <Checkbox key={type} value={type} label={labels.applicantTypes[type]} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea label={m.applicantsText} autosize minRows={1} {...form.getInputProps('procedure.applicantsText')} />
        <NativeSelect label={m.onlineLevel} data={onlineOptions} {...form.getInputProps('procedure.onlineLevel')} />
        <NativeSelect label={m.internalGroup} data={groupOptions} {...form.getInputProps('procedure.internalGroup')} />
      </SimpleGrid>
      <Group gap="lg">
        <Checkbox label={flags.locationIndependent} {...form.getInputProps('procedure.locationIndependent', { type: 'checkbox' })} />
        <Checkbox label={flags.postalEligible} {...form.getInputProps('procedure.postalEligible', { type: 'checkbox' })} />
        <Checkbox label={flags.businessRelated} {...form.getInputProps('procedure.businessRelated', { type: 'checkbox' })} />
      </Group>
      <Textarea label={m.result} autosize minRows={2} {...form.getInputProps('procedure.result')} />
      <Textarea label={m.conditions} autosize minRows={2} {...form.getInputProps('procedure.conditions')} />
    </Stack>
  );
}
