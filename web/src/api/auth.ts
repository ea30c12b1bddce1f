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

export const APPLICANT_ROLES: Role[] = ['citizen', 'business'];

/** Anyone holding a staff role works in the staff area; everyone else is an applicant with a home of their own. */
export function isStaffUser(user: SessionUser | null | undefined): boolean {
  return hasRole(user, ...STAFF_ROLES);
}

export const CITIZEN_HOME = '/ho-so-cua-toi';
export const STAFF_HOME = '/can-bo';

/** Where an account lands after signing in: staff in the staff area, citizens and businesses in their own home. */
export function homeOf(user: SessionUser): string {
  return isStaffUser(user) ? STAFF_HOME : CITIZEN_HOME;
}

const STAFF_PATHS = /^\/(can-bo|cai-cach|quan-tri)(\/|$|\?)/;

/** Whether a path after login suits the account: an applicant is never sent into the staff area, nor staff home. */
export function isPathFor(user: SessionUser, path: string): boolean {
  const isStaffPath = STAFF_PATHS.test(path);
  const isCitizenPath = path === CITIZEN_HOME || path.startsWith(`${CITIZEN_HOME}/`) || path.startsWith(`${CITIZEN_HOME}?`);
  return isStaffUser(user) ? !isCitizenPath : !isStaffPath;
}
/** The roles that handle dossiers (and the administrator, who reads every one); the API decides which dossiers. */
export const DOSSIER_READERS: Role[] = ['desk_officer', 'specialist', 'division_head', 'unit_leader', 'provincial_office', 'admin'];

/** Who reads the KPI index and Biểu 06 (src/modules/metrics/policy.ts): the API decides which units. */
export const METRICS_READERS: Role[] = ['division_head', 'unit_leader', 'provincial_office', 'procedure_controller', 'admin'];
