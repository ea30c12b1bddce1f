import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, UpdateUserRequest, UserAccount, UserPage } from '../../../src/contract/auth';
import { api } from './client';

export const USERS_PAGE_SIZE = 20;

export type CreateUserInput = CreateUserRequest;
export type UpdateUserInput = UpdateUserRequest;
export type RoleInput = CreateUserRequest['roles'][number];

const usersKey = ['users'] as const;

export function useUsers(q: string, page: number) {
  return useQuery({
    queryKey: [...usersKey, q, page],
    queryFn: () => api.get<UserPage>('/users', { q, page, pageSize: USERS_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<UserAccount>('/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUserInput & { id: string }) => api.patch<UserAccount>(`/users/${encodeURIComponent(id)}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
