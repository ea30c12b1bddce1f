import { Alert, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import type { ReductionMethod } from '../../../../../src/contract/enums';
import { useReformSummary } from '../../../api/reform';
import { usePageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { Section } from '../../../components/section';
import { vi } from '../../../i18n/vi';
import { CostMethodNote } from '../shared/cost-method-note';
import { isReduction, VERTICAL_INDICATORS } from '../shared/indicator-kinds';
import { readMethod, readYear, toSearch } from '../shared/reform-params';
import { ChildUnitsTable, sortBehindFirst } from './child-units-table';
import { IndicatorCard } from './indicator-card';
import { ReductionChart } from './reduction-chart';
import { TargetsFilters } from './targets-filters';
import { UnitProposals } from './unit-proposals';

const m = vi.reformTargets;

export function TargetsPage() {
  usePageTitle(m.title);
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? '';
  const year = readYear(params.get('year'));
  const method = readMethod(params.get('method'));
  const summary = useReformSummary({ unit, year, method });
  const data = summary.data;

  const change = (next: { unit?: string | null; year?: number; method?: ReductionMethod }) =>
    setParams(
      new URLSearchParams(
        toSearch({ unit: next.unit === undefined ? unit : next.unit, year: next.year ?? year, method: next.method ?? method }),
      ),
    );
  const detailsPath = (indicator: string) =>
    `/cai-cach/muc-tieu/chi-tiet${toSearch({ unit: data?.unit.id ?? unit, year, indicator, method })}`;
  const children = data ? sortBehindFirst(data.children) : [];
  const indicators = data?.indicators ?? [];
  const vertical = indicators.filter((indicator) => VERTICAL_INDICATORS.includes(indicator.key));
  const reductions = indicators.filter((indicator) => isReduction(indicator.key) && !VERTICAL_INDICATORS.includes(indicator.key));
  const others = indicators.filter((indicator) => !isReduction(indicator.key));

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{m.title}</Title>
        <Text c="gray.8">{m.intro}</Text>
      </div>
      <TargetsFilters unitId={unit || data?.unit.id || null} year={year} method={method} onChange={change} />
      {data && !summary.isError ? (
        <Stack gap="lg" aria-busy={summary.isFetching}>
          {data.hasDemoData && (
            <Alert color="orange" variant="light" title={m.demoTitle} icon={<IconFlask aria-hidden />} role="note">
              {m.demoText}
            </Alert>
          )}
          <section aria-labelledby="indicators-heading">
            <Title order={2} size="h3" id="indicators-heading" mb="sm">
              {m.indicatorsHeading(data.unit.name, data.year)}
            </Title>
            <Title order={3} size="h4" mb={4}>
              {m.groups.reductions}
            </Title>
            <Text size="sm" mb="sm">
              {m.groups.reductionsIntro(data.scopes.province, data.scopes.internal)}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mb="lg">
              {reductions.map((indicator) => (
                <IndicatorCard key={indicator.key} indicator={indicator} method={data.method} detailsPath={detailsPath(indicator.key)} />
              ))}
            </SimpleGrid>
            <Title order={3} size="h4" mb="sm">
              {m.groups.others}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mb="lg">
              {others.map((indicator) => (
                <IndicatorCard key={indicator.key} indicator={indicator} method={data.method} detailsPath={detailsPath(indicator.key)} />
              ))}
            </SimpleGrid>
            {data.scopes.vertical > 0 && (
              <>
                <Title order={3} size="h4" mb={4}>
                  {m.groups.vertical}
                </Title>
                <Text size="sm" mb="sm">
                  {m.groups.verticalIntro(data.scopes.vertical)}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                  {vertical.map((indicator) => (
                    <IndicatorCard
                      key={indicator.key}
                      indicator={indicator}
                      method={data.method}
                      detailsPath={detailsPath(indicator.key)}
                    />
                  ))}
                </SimpleGrid>
              </>
            )}
          </section>
          <CostMethodNote method={data.costMethod} />
          {children.length > 0 && <ReductionChart rows={children} indicators={data.indicators} />}
          {children.length > 0 && (
            <Section id="child-units-heading" title={m.children.heading}>
              <ChildUnitsTable rows={children} year={year} method={method} />
            </Section>
          )}
          <UnitProposals unitId={data.unit.id} year={data.year} />
        </Stack>
      ) : (
        <QueryState query={summary} />
      )}
    </Stack>
  );
}
