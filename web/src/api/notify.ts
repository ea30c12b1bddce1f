import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotifyChannel, NotifyStatus } from '../../../src/contract/enums';
import type { OutboxMessageView, OutboxPage } from '../../../src/contract/notify';
import { api } from './client';

export const OUTBOX_PAGE_SIZE = 20;

export type OutboxFilter = { status: NotifyStatus | ''; channel: NotifyChannel | '' };

const outboxKey = ['notify-outbox'] as const;

export function useOutbox(filter: OutboxFilter, page: number) {
  return useQuery({
    queryKey: [...outboxKey, filter, page],
    queryFn: () => api.get<OutboxPage>('/notify/outbox', { ...filter, page, pageSize: OUTBOX_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function useRetryNotification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<OutboxMessageView>(`/notify/outbox/${encodeURIComponent(id)}/retry`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: outboxKey }),
  });
}
