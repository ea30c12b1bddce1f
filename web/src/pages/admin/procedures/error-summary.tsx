import { Alert, Button, List } from '@mantine/core';
import type { ApiErrorDetail } from '../../../api/client';
import { toFormPath } from '../../../components/form-errors';
import { vi } from '../../../i18n/vi';

const decisionLabels: Record<string, string> = vi.adminProcedures.decision;

/** "procedure.fees.1.amountVnd" → "Phí, lệ phí (mục 2)". */
function describePath(path: string): string {
  const [head, name, index] = toFormPath(path).split('.');
  if (head === 'decision' && name) return `${vi.procedureFields.decision} — ${decisionLabels[name] ?? name}`;
  if (head !== 'procedure' || !name) return vi.procedureFields[head ?? ''] ?? '';
  const label = vi.procedureFields[name] ?? name;
  return index !== undefined && /^\d+$/.test(index) ? `${label} (mục ${Number(index) + 1})` : label;
}

interface ErrorSummaryProps {
  details: ApiErrorDetail[];
  isStale: boolean;
  onReload: () => void;
}

/** Everything the server refused, in one place next to the publish button. */
export function ErrorSummary({ details, isStale, onReload }: ErrorSummaryProps) {
  if (isStale) {
    return (
      <Alert color="orange" title={vi.common.errorTitle} role="alert">
        {vi.adminProcedures.stale}
        <div>
          <Button mt="sm" size="xs" variant="outline" color="orange" onClick={onReload}>
            {vi.common.reload}
          </Button>
        </div>
      </Alert>
    );
  }
  if (details.length === 0) return null;
  return (
    <Alert color="red" title={vi.adminProcedures.serverErrors} role="alert">
      <List size="sm">
        {details.map((detail, index) => {
          const where = describePath(detail.path);
          return <List.Item key={`${detail.path}-${index}`}>{where ? `${where}: ${detail.message}` : detail.message}</List.Item>;
        })}
      </List>
    </Alert>
  );
}
