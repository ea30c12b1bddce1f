import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { Level, OnlineLevel } from '../../../../src/contract/enums';
import { useProcedureSearch } from '../../api/procedures';
import { usePageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { QueryState } from '../../components/query-state';
import { vi } from '../../i18n/vi';
import { ProcedureCard } from './procedure-card';
import { ProcedureFilters, type ProcedureFilterValues } from './procedure-filters';

const PAGE_SIZE = 20;
const m = vi.procedureList;

export function ProcedureListPage() {
  usePageTitle(m.title);
  const [params, setParams] = useSearchParams();
  const filters: ProcedureFilterValues = {
    q: params.get('q') ?? '',
    field: params.get('field') ?? '',
    level: params.get('level') ?? '',
    online: params.get('online') ?? '',
    unit: params.get('unit') ?? '',
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const search = useProcedureSearch({
    ...filters,
    level: filters.level as Level | '',
    online: filters.online as OnlineLevel | '',
    page,
    pageSize: PAGE_SIZE,
  });

  const updateParam = (key: string, value: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: key === 'q' },
    );

  return (
    <Stack gap="lg">
      <Title order={1}>{m.title}</Title>
      <section aria-label={m.filtersHeading}>
        <ProcedureFilters
          values={filters}
          facets={filters.q ? search.data?.facets : undefined}
          onChange={updateParam}
          onClear={() => setParams(new URLSearchParams())}
        />
      </section>
      <section aria-labelledby="procedure-results">
        <Title order={2} size="h3" id="procedure-results" mb="xs">
          {m.resultsHeading}
        </Title>
        <Text aria-live="polite" c="gray.8" mb="sm">
          {search.data &&
            (search.data.isApproximate ? m.approximate : search.data.total > 0 ? m.resultCount(search.data.total) : m.noResults)}
        </Text>
        {search.data?.suggestion && (
          <Text mb="sm" data-testid="did-you-mean">
            {m.didYouMean}{' '}
            <Anchor component="button" type="button" fw={700} onClick={() => updateParam('q', search.data.suggestion ?? '')}>
              {search.data.suggestion}
            </Anchor>
          </Text>
        )}
        {search.data && !search.isError ? (
          <Stack gap="sm" aria-busy={search.isFetching}>
            {search.data.items.map((procedure) => (
              <ProcedureCard key={procedure.code} procedure={procedure} matchedWords={search.data.matchedWords} />
            ))}
            <Pager
              page={page}
              total={search.data.total}
              pageSize={PAGE_SIZE}
              onChange={(next) => {
                updateParam('page', next > 1 ? String(next) : '');
                window.scrollTo({ top: 0 });
              }}
            />
          </Stack>
        ) : (
          <QueryState query={search} />
        )}
      </section>
    </Stack>
  );
}
