import { Stack, Text, Title } from '@mantine/core';
import { usePageTitle } from '../../../components/page-title';
import { vi } from '../../../i18n/vi';
import { CostCalculator } from './cost-calculator';
import { CostMethodSettings } from './cost-method-form';
import { IncomeRates } from './income-rates';

const m = vi.reformCost.calculator;

export function CostPage() {
  usePageTitle(m.title);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{m.title}</Title>
        <Text c="gray.8">{m.intro}</Text>
      </div>
      <CostCalculator />
      <IncomeRates />
      <CostMethodSettings />
    </Stack>
  );
}
