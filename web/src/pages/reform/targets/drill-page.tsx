import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useReformDrill, useReformSummary } from '../../../api/reform';
import { INDICATOR_KEYS, type IndicatorKey } from '../../../api/reform-types';
import { NotFoundPage } from '../../../components/not-found';
import { usePageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { vi } from '../../../i18n/vi';
import { readMethod, readYear, targetsPath } from '../shared/reform-params';
import { IndicatorStatusTag } from '../shared/reform-tags';
import { DrillTable } from './drill-table';

const m = vi.reformTargets;

function readIndicator(value: string | null): IndicatorKey | null {
  return (INDICATOR_KEYS as readonly string[]).includes(value ?? '') ? (value as IndicatorKey) : null;
}

/** The procedures (or conditions, regimes) behind one figure of the dashboard, those holding it back first. */
export function DrillPage() {
  const [params] = useSearchParams();
  const indicator = readIndicator(params.get('indicator'));
  if (!indicator) return <NotFoundPage />;
  return <Drill indicator={indicator} unit={params.get('unit') ?? ''} year={readYear(params.get('year'))} method={readMethod(params.get('method'))} />;
}

function Drill({ indicator, ...query }: { indicator: IndicatorKey; unit: string; year: number; method: ReturnType<typeof readMethod> }) {
  const summary = useReformSummary(query);
  const drill = useReformDrill({ ...query, indicator });
  const figure = summary.data?.indicators.find((item) => item.key === indicator);
  const label = figure?.label ?? vi.reformLabels.indicators[indicator];
  usePageTitle(m.drill.title(label));
  const items = drill.data?.items ?? [];
  const behind = items.filter((item) => !item.meets).length;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={targetsPath(query.unit, query.year, query.method)} w="fit-content">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {m.drill.back}
        </Group>
      </Anchor>
      <div>
        <Title order={1}>{m.drill.title(label)}</Title>
        {summary.data && (
          <Group gap="sm" mt="xs">
            <Text c="gray.8">{m.drill.context(summary.data.unit.name, summary.data.year)}</Text>
            {figure && <IndicatorStatusTag status={figure.status} />}
          </Group>
        )}
        <Text size="sm" c="gray.7">
          {vi.reformLabels.methodNotes[query.method]}
        </Text>
      </div>
      {drill.data && !drill.isError ? (
        items.length === 0 ? (
          <Text c="gray.7">{m.drill.empty}</Text>
        ) : (
          <Stack gap="sm">
            <Text role="status">{behind > 0 ? m.drill.behind(behind, items.length) : m.drill.allMet(items.length)}</Text>
            <DrillTable indicator={indicator} items={items} />
          </Stack>
        )
      ) : (
        <QueryState query={drill} />
      )}
    </Stack>
  );
}
