import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountProfile,
  PasswordResetConfirmRequest,
  PasswordResetResponse,
  PendingVerification,
  RegisterRequest,
  UpdateProfileRequest,
} from '../../../src/contract/accounts';
import type { Session } from '../../../src/contract/auth';
import { sessionKey } from './auth';
import { api, setCsrfToken } from './client';

const profileKey = ['auth', 'profile'] as const;

export function useRegister() {
  return useMutation({ mutationFn: (body: RegisterRequest) => api.post<PendingVerification>('/auth/register', body) });
}

export function useResendCode() {
  return useMutation({ mutationFn: (token: string) => api.post<PendingVerification>('/auth/register/resend', { token }) });
}

/** Entering the code signs the new account in. */
export function useVerifyRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; code: string }) => api.post<Session>('/auth/register/verify', body),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (login: string) => api.post<PasswordResetResponse>('/auth/password-reset', { login }) });
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: (body: PasswordResetConfirmRequest) => api.post<void>('/auth/password-reset/confirm', body) });
}

export function useProfile() {
  return useQuery({ queryKey: profileKey, queryFn: () => api.get<AccountProfile>('/auth/me/profile') });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfileRequest) => api.patch<AccountProfile>('/auth/me/profile', body),
    onSuccess: (profile) => {
      queryClient.setQueryData(profileKey, profile);
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}
