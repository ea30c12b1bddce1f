import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Bieu06View, IndicatorDrillView, MetricsIndexView } from '../../../src/contract/metrics';
import type {
  DossierWarningList,
  MetricsDossierListView,
  MetricsRankingView,
  MetricsTrendView,
  PublicStatisticsView,
} from '../../../src/contract/metrics-dashboard';
import { api } from './client';

/** A unit (its code) and a period of Vietnam days, both included: what every monitoring question takes. */
export type MetricsPeriod = { unit: string; from: string; to: string };

const metricsKey = ['metrics'] as const;
const isComplete = (period: MetricsPeriod) => period.unit !== '' && period.from !== '' && period.to !== '' && period.from <= period.to;
const params = (period: MetricsPeriod) => ({ unit: period.unit, from: period.from, to: period.to });

export function useMetricsIndex(period: MetricsPeriod) {
  return useQuery({
    queryKey: [...metricsKey, 'index', period],
    queryFn: () => api.get<MetricsIndexView>('/metrics/index', params(period)),
    enabled: isComplete(period),
    placeholderData: keepPreviousData,
  });
}

export function useMetricsTrend(period: MetricsPeriod) {
  return useQuery({
    queryKey: [...metricsKey, 'trend', period],
    queryFn: () => api.get<MetricsTrendView>('/metrics/trend', params(period)),
    enabled: isComplete(period),
    placeholderData: keepPreviousData,
  });
}

export function useMetricsRanking(period: MetricsPeriod) {
  return useQuery({
    queryKey: [...metricsKey, 'ranking', period],
    queryFn: () => api.get<MetricsRankingView>('/metrics/ranking', params(period)),
    enabled: isComplete(period),
    placeholderData: keepPreviousData,
  });
}

export function useIndicatorDrill(period: MetricsPeriod, indicator: string, part: 'numerator' | 'denominator', page: number) {
  return useQuery({
    queryKey: [...metricsKey, 'drill', period, indicator, part, page],
    queryFn: () => api.get<IndicatorDrillView>('/metrics/index/drill', { ...params(period), indicator, part, page }),
    enabled: isComplete(period) && indicator !== '',
    placeholderData: keepPreviousData,
  });
}

export function useWarningDossiers(period: MetricsPeriod, list: DossierWarningList, page: number) {
  return useQuery({
    queryKey: [...metricsKey, 'dossiers', period, list, page],
    queryFn: () => api.get<MetricsDossierListView>('/metrics/dossiers', { ...params(period), list, page }),
    enabled: isComplete(period),
    placeholderData: keepPreviousData,
  });
}

export function useBieu06(period: MetricsPeriod) {
  return useQuery({
    queryKey: [...metricsKey, 'bieu-06', period],
    queryFn: () => api.get<Bieu06View>('/reports/bieu-06', params(period)),
    enabled: isComplete(period),
    placeholderData: keepPreviousData,
  });
}

/** The download of Biểu 06 as the printed form. */
export const bieu06Url = (period: MetricsPeriod, format: 'xlsx' | 'pdf') =>
  `/api/reports/bieu-06.${format}?${new URLSearchParams(params(period)).toString()}`;

export function usePublicStatistics(year: number | null) {
  return useQuery({
    queryKey: [...metricsKey, 'public', year],
    queryFn: () => api.get<PublicStatisticsView>('/public/statistics', { year }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
