import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { FigureSource } from '../../../../../src/contract/enums';
import type { CostInput } from '../../../../../src/contract/reform';
import { errorMessage } from '../../../api/client';
import { useCostPreview } from '../../../api/reform';
import { vi } from '../../../i18n/vi';
import { formatMoney } from '../../../lib/format';
import { CostTermsTable } from './cost-terms-table';

const m = vi.reformCost;
const PREVIEW_DELAY_MS = 300;

/** The server's computation of figures being typed, a moment after typing stops. */
export function useDebouncedCost(input: CostInput | null) {
  const [debounced] = useDebouncedValue(input, PREVIEW_DELAY_MS);
  return { preview: useCostPreview(debounced), input: debounced };
}

interface CostPreviewProps {
  input: CostInput | null;
  title?: string;
  subjectsSource?: FigureSource;
}

/** The two figures people look for, large, above the detail. */
export function CostHeadline({ costPerDossier, annualCost }: { costPerDossier: number; annualCost: number }) {
  return (
    <Group gap="xl" wrap="wrap" aria-live="polite">
      <div>
        <Text size="sm" c="gray.7">
          {m.terms.costPerDossier}
        </Text>
        <Text fz="lg" fw={700}>
          {formatMoney(costPerDossier)}
        </Text>
      </div>
      <div>
        <Text size="sm" c="gray.7">
          {m.terms.annualCost}
        </Text>
        <Text fz="lg" fw={700}>
          {m.terms.perYear(formatMoney(annualCost))}
        </Text>
      </div>
    </Group>
  );
}

/** Every term of the cost of figures that are not saved yet, recomputed as they change. */
export function CostPreview({ input: typed, title = m.form.preview, subjectsSource }: CostPreviewProps) {
  const { preview, input } = useDebouncedCost(typed);
  return (
    <Stack gap="xs" aria-busy={preview.isFetching}>
      <Title order={3} size="h4">
        {title}
      </Title>
      {typed === null || input === null || preview.isError ? (
        <Alert color="orange" variant="light">
          {preview.isError ? errorMessage(preview.error) : m.form.previewError}
        </Alert>
      ) : preview.data ? (
        <>
          <CostHeadline costPerDossier={preview.data.costPerDossier} annualCost={preview.data.annualCost} />
          <CostTermsTable
            result={preview.data}
            timesPerYear={input.timesPerYear}
            subjectsPerYear={input.subjectsPerYear}
            subjectsSource={subjectsSource}
          />
        </>
      ) : (
        <Text c="gray.7">
          <Loader size="xs" mr="xs" aria-hidden />
          {m.form.previewPending}
        </Text>
      )}
      <Text size="sm" c="gray.7">
        {m.terms.formula}
      </Text>
    </Stack>
  );
}
