import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TrackingBookView } from '../../../src/contract/dossier-forms';
import type {
  DossierActionRequest,
  DossierList,
  DossierListQuery,
  DossierView,
  FrequentProcedures,
  MyDossierList,
  PublicDossierStatus,
  ReceiveDossierRequest,
} from '../../../src/contract/dossiers';
import type { DossierForm } from '../../../src/contract/enums';
import type { StoredFile } from '../../../src/contract/files';
import { api, type Filter, isApiError, uploadFile } from './client';

export type { DossierActionRequest, DossierList, DossierView, MyDossierList, PublicDossierStatus, ReceiveDossierRequest };

/** The inbox query as the filter form holds it; `page` and `pageSize` travel with it. */
export type DossierInboxFilter = Filter<Omit<DossierListQuery, 'page' | 'pageSize'>> & { page?: number; pageSize?: number };

/** Online filing: what the applicant sends (the contract's input type, defaults optional). */
export type SubmitOnlineDossierRequest = {
  procedureCode: string;
  handlingUnitCode?: string | null;
  applicant: ReceiveDossierRequest['applicant'];
  requestSummary?: string | null;
  components?: ReceiveDossierRequest['components'];
};

export const INBOX_PAGE_SIZE = 20;

const dossiersKey = ['dossiers'] as const;
const myDossiersKey = ['my-dossiers'] as const;
const encode = encodeURIComponent;

export function useDossierInbox(filter: DossierInboxFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...dossiersKey, 'inbox', filter],
    queryFn: () => api.get<DossierList>('/dossiers', { pageSize: INBOX_PAGE_SIZE, ...filter }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** The procedures the officer's desks received most lately (the intake screen's picks). */
export function useFrequentProcedures() {
  return useQuery({
    queryKey: [...dossiersKey, 'frequent-procedures'],
    queryFn: () => api.get<FrequentProcedures>('/dossiers/frequent-procedures'),
    staleTime: 5 * 60_000,
  });
}

export function useDossier(id: string) {
  return useQuery({
    queryKey: [...dossiersKey, 'detail', id],
    queryFn: () => api.get<DossierView>(`/dossiers/${encode(id)}`),
    enabled: id !== '',
  });
}

export function useReceiveDossier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReceiveDossierRequest) => api.post<DossierView>('/dossiers', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dossiersKey }),
  });
}

/** A stale `version` answers 409: the page reloads the dossier so that the officer sees what changed. */
export function isStaleVersion(error: unknown): boolean {
  return isApiError(error, 409);
}

/** One action of the lifecycle; the answer is the new view, put in the cache at once. */
export function useDossierAction(id: string, scope: 'staff' | 'applicant' = 'staff') {
  const queryClient = useQueryClient();
  // The applicant acts (resume, stop) through the same endpoint; only the cached view differs.
  const path = `/dossiers/${encode(id)}/actions`;
  const detailKey = scope === 'staff' ? [...dossiersKey, 'detail', id] : [...myDossiersKey, 'detail', id];
  return useMutation({
    mutationFn: (body: DossierActionRequest) => api.post<DossierView>(path, body),
    onSuccess: (view) => {
      queryClient.setQueryData(detailKey, view);
      void queryClient.invalidateQueries({ queryKey: scope === 'staff' ? [...dossiersKey, 'inbox'] : myDossiersKey });
    },
    onError: (error) => {
      if (isStaleVersion(error)) void queryClient.invalidateQueries({ queryKey: detailKey });
    },
  });
}

export const uploadDossierFile = (file: File) => uploadFile<StoredFile>('/dossier-files', file, file.name);

export const dossierFileUrl = (id: string, fileId: string) => `/api/dossiers/${encode(id)}/files/${encode(fileId)}`;
/** A form's PDF, shown in the browser's tab (`inline=1`): the "In" buttons open it there, to print or save. */
export const dossierFormUrl = (id: string, form: DossierForm) => `/api/dossiers/${encode(id)}/forms/${form}?inline=1`;

export type TrackingBookFormat = 'pdf' | 'xlsx' | 'json';
export const trackingBookUrl = (unit: string, from: string, to: string, format: TrackingBookFormat) =>
  `/api/dossiers/tracking-book?${new URLSearchParams({ unit, from, to, format, ...(format === 'pdf' ? { inline: '1' } : {}) }).toString()}`;

/** Mẫu 07 as rows, for the page (the same request with `format=json`). */
export function useTrackingBook(unit: string, from: string, to: string) {
  return useQuery({
    queryKey: [...dossiersKey, 'tracking-book', unit, from, to],
    queryFn: () => api.get<TrackingBook>('/dossiers/tracking-book', { unit, from, to, format: 'json' }),
    enabled: unit !== '' && from !== '' && to !== '',
  });
}

/** Mẫu 07 as `format=json` answers it (the PDF and XLSX carry the same columns). */
export type TrackingBook = TrackingBookView;

// The applicant's side: online filing, their dossiers, the public lookup.

export function useSubmitOnlineDossier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitOnlineDossierRequest) => api.post<DossierView>('/my/dossiers', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myDossiersKey }),
  });
}

export function useMyDossiers(page: number) {
  return useQuery({
    queryKey: [...myDossiersKey, 'list', page],
    queryFn: () => api.get<MyDossierList>('/my/dossiers', { page, pageSize: INBOX_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function useMyDossier(id: string) {
  return useQuery({
    queryKey: [...myDossiersKey, 'detail', id],
    queryFn: () => api.get<DossierView>(`/my/dossiers/${encode(id)}`),
    enabled: id !== '',
  });
}

/** The lookup runs when the visitor asks (a button), not as they type: it is rate-limited. */
export function usePublicDossierStatus() {
  return useMutation({
    mutationFn: (query: { code: string; idNumber: string }) => api.get<PublicDossierStatus>('/public/dossier-status', query),
  });
}

/** Specialists the actor may assign the dossier's next step to (asked of the server, which knows the step's unit). */
export type Assignee = { id: string; fullName: string; unitName: string | null };

export function useDossierAssignees(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...dossiersKey, 'assignees', id],
    queryFn: () => api.get<{ items: Assignee[] }>(`/dossiers/${encode(id)}/assignees`),
    select: (data) => data.items,
    enabled,
  });
}
