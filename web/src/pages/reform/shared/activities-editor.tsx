import { Checkbox, Grid, NumberInput, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { vi } from '../../../i18n/vi';
import { ListEditor } from '../../admin/procedures/editors/list-editor';
import { type ActivityValue, emptyActivity } from './cost-values';

const m = vi.reformCost.form;

interface ActivitiesEditorProps {
  value: ActivityValue[];
  onChange: (value: ActivityValue[]) => void;
  /** Form errors keyed by path; this list's items are under `activities.<index>`. */
  errors: Record<string, ReactNode>;
}

/** The activities a person must carry out, each with its hours (TT 02/2017 Điều 27). */
export function ActivitiesEditor({ value, onChange, errors }: ActivitiesEditorProps) {
  const update = (index: number, patch: Partial<ActivityValue>) =>
    onChange(value.map((activity, at) => (at === index ? { ...activity, ...patch } : activity)));
  return (
    <ListEditor
      items={value}
      getKey={(activity) => activity.key}
      itemLegend={m.activityItem}
      removeLabel={m.removeActivity}
      addLabel={m.addActivity}
      onAdd={() => onChange([...value, emptyActivity()])}
      onRemove={(index) => onChange(value.filter((_, at) => at !== index))}
      error={errors.activities}
      renderItem={(activity, index) => (
        <Grid pr="lg">
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              label={m.activityName}
              required
              value={activity.name}
              error={errors[`activities.${index}.name`]}
              onChange={(event) => update(index, { name: event.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NumberInput
              label={m.activityHours}
              required
              min={0}
              decimalScale={2}
              decimalSeparator=","
              thousandSeparator="."
              value={activity.hours}
              error={errors[`activities.${index}.hours`]}
              onChange={(hours) => update(index, { hours: typeof hours === 'number' ? hours : '' })}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Checkbox
              label={m.activityWaiting}
              description={m.activityWaitingHint}
              checked={activity.waiting}
              onChange={(event) => update(index, { waiting: event.currentTarget.checked })}
            />
          </Grid.Col>
        </Grid>
      )}
    />
  );
}
