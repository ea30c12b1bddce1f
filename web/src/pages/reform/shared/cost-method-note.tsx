import { Anchor, Paper, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { CostMethodView } from '../../../../../src/contract/reform';
import { vi } from '../../../i18n/vi';
import { formatMoney, formatPercent } from '../../../lib/format';

const m = vi.reformTargets.costMethod;

/** The cost method of the NQ 66 figures, in words (docs/api/reform.md, "Cost method"), next to the figures it produced. */
export function CostMethodNote({ method, withLink = true }: { method: CostMethodView; withLink?: boolean }) {
  return (
    <Paper component="section" aria-labelledby="cost-method-heading" withBorder p="md" radius="md">
      <Title order={2} size="h4" id="cost-method-heading" mb="xs">
        {m.heading}
      </Title>
      <Text size="sm">
        {method.hourlyIncomeVnd === null ? m.noIncome(method.incomeYear) : m.income(method.incomeYear, formatMoney(method.hourlyIncomeVnd))}
      </Text>
      <Text size="sm">
        {m.waiting(formatPercent(method.waitingIncomeShare))} {method.isDefault ? m.isDefault : m.isSet}
      </Text>
      {withLink && (
        <Anchor component={Link} to="/cai-cach/chi-phi" size="sm">
          {m.link}
        </Anchor>
      )}
    </Paper>
  );
}
