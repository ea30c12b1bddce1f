import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { reformIndicators as INDICATOR_KEYS, type ReformIndicator as IndicatorKey } from '../../../../../src/contract/enums';
import { type SummaryQuery, useReformDrill } from '../../../api/reform';
import { useUnits } from '../../../api/units';
import { NotFoundPage } from '../../../components/not-found';
import { usePageTitle } from '../../../components/page-title';
import { Pager } from '../../../components/pager';
import { QueryState } from '../../../components/query-state';
import { vi } from '../../../i18n/vi';
import { formatNumber } from '../../../lib/format';
import { readMethod, readYear, targetsPath } from '../shared/reform-params';
import { IndicatorStatusTag } from '../shared/reform-tags';
import { behindFirst, DrillTable } from './drill-table';
import { isReduction, valueText } from './indicator-card';

const m = vi.reformTargets;
const PAGE_SIZE = 50;

function readIndicator(value: string | null): IndicatorKey | null {
  return (INDICATOR_KEYS as readonly string[]).includes(value ?? '') ? (value as IndicatorKey) : null;
}

/** The procedures (or conditions, regimes) behind one figure of the dashboard, those holding it back first. */
export function DrillPage() {
  const [params] = useSearchParams();
  const indicator = readIndicator(params.get('indicator'));
  if (!indicator) return <NotFoundPage />;
  const query = { unit: params.get('unit') ?? '', year: readYear(params.get('year')), method: readMethod(params.get('method')) };
  return <Drill key={params.toString()} indicator={indicator} query={query} />;
}

/** The unit's name from the (cached) unit list; no unit means the province. */
function useUnitName(unitId: string): string | null {
  const { data: units = [] } = useUnits();
  const unit = units.find((candidate) => (unitId ? candidate.id === unitId : candidate.type === 'province' && !candidate.parentId));
  return unit?.name ?? null;
}

function Drill({ indicator, query }: { indicator: IndicatorKey; query: SummaryQuery }) {
  const drill = useReformDrill({ ...query, indicator });
  const unitName = useUnitName(query.unit);
  const figure = drill.data?.indicator;
  const label = figure?.label ?? vi.reformLabels.indicators[indicator];
  usePageTitle(m.drill.title(label));
  const [page, setPage] = useState(1);
  const items = behindFirst(drill.data?.items ?? []);
  const behind = items.filter((item) => !item.meets).length;
  const shown = items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

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
        <Group gap="sm" mt="xs">
          {unitName && <Text c="gray.8">{m.drill.context(unitName, query.year)}</Text>}
          {figure && <IndicatorStatusTag status={figure.status} />}
        </Group>
        {figure && (
          <Text fz="lg" fw={700} mt="xs">
            {valueText(figure)}
          </Text>
        )}
        {isReduction(indicator) && (
          <Text size="sm" c="gray.7">
            {vi.reformLabels.methodNotes[query.method]}
          </Text>
        )}
      </div>
      {drill.data && !drill.isError ? (
        items.length === 0 ? (
          <Text c="gray.7">{m.drill.empty}</Text>
        ) : (
          <Stack gap="sm">
            <Text role="status">
              {behind > 0 ? m.drill.behind(formatNumber(behind), formatNumber(items.length)) : m.drill.allMet(formatNumber(items.length))}
            </Text>
            <DrillTable indicator={indicator} method={query.method} items={shown} />
            <Pager
              page={page}
              total={items.length}
              pageSize={PAGE_SIZE}
              onChange={(next) => {
                setPage(next);
                window.scrollTo({ top: 0 });
              }}
            />
          </Stack>
        )
      ) : (
        <QueryState query={drill} />
      )}
    </Stack>
  );
}
