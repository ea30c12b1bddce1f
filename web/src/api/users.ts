import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Role, UserAccount } from './types';

export const USERS_PAGE_SIZE = 20;

export interface RoleInput {
  role: Role;
  unitId: string | null;
}

export interface CreateUserInput {
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  personalId: string | null;
  taxCode: string | null;
  password: string;
  roles: RoleInput[];
}

export interface UpdateUserInput {
  fullName?: string;
  email?: string | null;
  phone?: string | null;
  personalId?: string | null;
  taxCode?: string | null;
  isActive?: boolean;
  roles?: RoleInput[];
  password?: string;
  version: number;
}

const usersKey = ['users'] as const;

export function useUsers(q: string, page: number) {
  return useQuery({
    queryKey: [...usersKey, q, page],
    queryFn: () => api.get<{ items: UserAccount[]; total: number }>('/users', { q, page, pageSize: USERS_PAGE_SIZE }),
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
