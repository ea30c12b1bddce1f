import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CurrentSession, Session, SessionUser } from '../../../src/contract/auth';
import { type Role, staffRoles } from '../../../src/contract/enums';
import { api, setCsrfToken } from './client';

export const sessionKey = ['auth', 'me'] as const;

/** GET /auth/me answers `{user: null}` to a visitor. */
async function fetchSession(): Promise<Session | null> {
  const session = await api.get<CurrentSession>('/auth/me');
  if (!session.user) {
    setCsrfToken(null);
    return null;
  }
  setCsrfToken(session.csrfToken);
  return session;
}

/** The signed-in user, `null` when nobody is signed in. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) => api.post<Session>('/auth/login', credentials),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
    },
  });
}

export function hasRole(user: SessionUser | null | undefined, ...roles: Role[]): boolean {
  return !!user?.roles.some((assignment) => roles.includes(assignment.role));
}

export const STAFF_ROLES: Role[] = [...staffRoles];

/** The roles that handle dossiers (and the administrator, who reads every one); the API decides which dossiers. */
export const DOSSIER_READERS: Role[] = ['desk_officer', 'specialist', 'division_head', 'unit_leader', 'provincial_office', 'admin'];
