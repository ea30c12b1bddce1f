import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ControlReportSettingsInput,
  ControlReportSettingsView,
  MetricsSettingsInput,
  MetricsSettingsView,
} from '../../../src/contract/metrics-settings';
import { api } from './client';
import type { MetricsPeriod } from './metrics';

/** The settings of monitoring and of the periodic reports (docs/api/metrics.md, docs/api/control-reports.md "Settings"). */
const metricsSettingsKey = ['metrics', 'settings'] as const;
const controlReportSettingsKey = ['control-reports', 'settings'] as const;

/** The month start day changes rarely: read once per page load, shared by every monitoring page. */
export function useMetricsSettings(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: metricsSettingsKey,
    queryFn: () => api.get<MetricsSettingsView>('/metrics/settings'),
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}

export function useSaveMetricsSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MetricsSettingsInput) => api.put<MetricsSettingsView>('/metrics/settings', input),
    onSuccess: (saved) => {
      queryClient.setQueryData(metricsSettingsKey, saved);
      // Every figure by month and every rating may read differently now.
      void queryClient.invalidateQueries({ queryKey: ['metrics'] });
    },
  });
}

export function useControlReportSettings() {
  return useQuery({
    queryKey: controlReportSettingsKey,
    queryFn: () => api.get<ControlReportSettingsView>('/control-reports/settings'),
    staleTime: 5 * 60_000,
  });
}

export function useSaveControlReportSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ControlReportSettingsInput) => api.put<ControlReportSettingsView>('/control-reports/settings', input),
    onSuccess: (saved) => queryClient.setQueryData(controlReportSettingsKey, saved),
  });
}

/** The auditor's CSV of a unit's subtree for a period (docs/formats/dossier-facts.md). */
export const dossierFactsUrl = (period: MetricsPeriod) =>
  `/api/metrics/dossier-facts.csv?${new URLSearchParams({ unit: period.unit, from: period.from, to: period.to }).toString()}`;
