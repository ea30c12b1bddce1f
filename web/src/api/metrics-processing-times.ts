import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ProcessingTimesGrouping, ProcessingTimesView } from '../../../src/contract/metrics-processing-times';
import { api } from './client';
import type { MetricsPeriod } from './metrics';

/** Measured processing time per procedure or child unit, against the same dates of 2024 (GET /api/metrics/processing-times). */
export function useProcessingTimes(period: MetricsPeriod, groupBy: ProcessingTimesGrouping, page: number) {
  return useQuery({
    queryKey: ['metrics', 'processing-times', period, groupBy, page],
    queryFn: () =>
      api.get<ProcessingTimesView>('/metrics/processing-times', { unit: period.unit, from: period.from, to: period.to, groupBy, page }),
    enabled: period.unit !== '' && period.from !== '' && period.to !== '' && period.from <= period.to,
    placeholderData: keepPreviousData,
  });
}
