import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnnouncementInput, CalendarYear, DueDateRequest, WorkingSession } from '../../../src/contract/calendar';
import { api } from './client';

export type { AnnouncementInput, DueDateRequest };

const calendarKey = ['calendar'] as const;

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: [...calendarKey, year],
    queryFn: () => api.get<CalendarYear>(`/calendar/years/${year}`),
  });
}

function useCalendarMutation<TInput>(mutationFn: (input: TInput) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKey }),
  });
}

export function useAddAnnouncement() {
  return useCalendarMutation((input: AnnouncementInput) => api.post('/calendar/announcements', input));
}

export function useDeleteAnnouncement() {
  return useCalendarMutation((id: string) => api.delete(`/calendar/announcements/${encodeURIComponent(id)}`));
}

export function useSetYearCompleteness(year: number) {
  return useCalendarMutation((isAnnouncedListComplete: boolean) => api.put(`/calendar/years/${year}`, { isAnnouncedListComplete }));
}

export function useSaveSessions() {
  return useCalendarMutation((sessions: WorkingSession[]) => api.put('/calendar/sessions', { sessions }));
}

export function useComputeDueDate() {
  return useMutation({
    mutationFn: (request: DueDateRequest) => api.get<{ due: string }>('/calendar/due', { ...request }),
  });
}
