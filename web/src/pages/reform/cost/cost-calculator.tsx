import { Button, Grid, NumberInput, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconRefresh } from '@tabler/icons-react';
import { vi } from '../../../i18n/vi';
import { ActivitiesEditor } from '../shared/activities-editor';
import { CostPreview } from '../shared/cost-preview';
import { type CostFigures, toActivityValues, toCostInput } from '../shared/cost-values';
import { FieldGroup, hintBelowInput } from '../shared/field-group';

const m = vi.reformCost;

/** The example of docs/DOMAIN.md §7: 10 working days of waiting (80 hours) at 40,000 đ an hour, 10 dossiers a year. */
function exampleFigures(): CostFigures {
  return {
    hourlyIncome: 40_000,
    activities: toActivityValues([{ name: m.calculator.exampleActivity, hours: 80 }]),
    fees: 0,
    otherCosts: 0,
    timesPerYear: 1,
    subjectsPerYear: 10,
  };
}

const money = { min: 0, allowDecimal: false, thousandSeparator: '.', decimalSeparator: ',' } as const;

/** A worksheet that is never saved: try figures and see every term of the cost. */
export function CostCalculator() {
  const form = useForm<CostFigures>({ initialValues: exampleFigures() });
  const values = form.values;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Paper component="section" aria-labelledby="calculator-inputs" withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <Stack>
          <Title order={2} size="h3" id="calculator-inputs">
            {m.calculator.inputsHeading}
          </Title>
          <NumberInput label={m.form.hourlyIncome} required {...money} {...form.getInputProps('hourlyIncome')} />
          <FieldGroup legend={m.form.activities}>
            <ActivitiesEditor
              value={values.activities}
              onChange={(activities) => form.setFieldValue('activities', activities)}
              errors={form.errors}
            />
          </FieldGroup>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput label={m.form.fees} {...money} {...form.getInputProps('fees')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput
                label={m.form.otherCosts}
                description={m.form.otherCostsHint}
                {...hintBelowInput}
                {...money}
                {...form.getInputProps('otherCosts')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput
                label={m.form.timesPerYear}
                required
                min={0}
                decimalScale={2}
                decimalSeparator=","
                {...form.getInputProps('timesPerYear')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput label={m.form.subjectsPerYear} required {...money} {...form.getInputProps('subjectsPerYear')} />
            </Grid.Col>
          </Grid>
          <Button
            variant="default"
            w="fit-content"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={() => form.setValues(exampleFigures())}
          >
            {m.calculator.reset}
          </Button>
        </Stack>
      </Paper>
      <Paper component="section" aria-labelledby="calculator-result" withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <Title order={2} size="h3" id="calculator-result" mb="sm">
          {m.calculator.resultHeading}
        </Title>
        <CostPreview input={toCostInput(values)} title={m.terms.caption} />
      </Paper>
    </SimpleGrid>
  );
}
