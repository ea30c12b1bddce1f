import { Group, Text } from '@mantine/core';
import { Tag } from '../../../../components/tag';
import { vi } from '../../../../i18n/vi';
import { formatDuration } from '../../../../lib/format';
import { compareBudgets } from '../budget';
import type { ProcedureForm } from '../procedure-form-values';

const m = vi.adminProcedures.process;

/** The sum of step budgets shown against the statutory time, updated as the admin types. */
export function BudgetSummary({ form }: { form: ProcedureForm }) {
  const { processingTime, processTemplate } = form.getValues().procedure;
  if (processTemplate.length === 0) return null;
  const comparison = compareBudgets(
    processingTime,
    processTemplate.map((step) => step.budget),
  );
  const statutory = processingTime.amount === '' ? '—' : formatDuration({ ...processingTime, amount: processingTime.amount });

  return (
    <Group gap="md" p="sm" bg="gray.0" aria-live="polite" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
      {comparison.status !== 'incomparable' && (
        <Text size="sm">
          {m.sum}: <strong>{formatDuration(comparison.total)}</strong>
        </Text>
      )}
      <Text size="sm">
        {m.statutory}: <strong>{statutory}</strong>
      </Text>
      {comparison.status === 'matches' && <Tag tone="green">{m.matches}</Tag>}
      {comparison.status === 'mismatch' && <Tag tone="red">{m.mismatch}</Tag>}
      {comparison.status === 'incomparable' && <Tag tone="orange">{m.incomparable}</Tag>}
    </Group>
  );
}
