// Organization (单位) queries and registration.
import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import { api } from './client.ts';
import type { NewOrganization, Organization, Page, Role } from './types.ts';

export interface OrganizationQuery {
  q?: string | undefined;
  role?: Role | undefined;
  districtCode?: string | undefined;
  page: number;
  pageSize: number;
}

export function useOrganizations(query: OrganizationQuery, enabled = true) {
  return useQuery({
    queryKey: ['organizations', 'list', query],
    queryFn: ({ signal }) => api.get<Page<Organization>>('/api/v1/organizations', { ...query }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrganization(id: number | undefined) {
  return useQuery({
    queryKey: ['organizations', 'detail', id],
    queryFn: ({ signal }) => api.get<Organization>(`/api/v1/organizations/${id}`, undefined, signal),
    enabled: id !== undefined && Number.isInteger(id) && id > 0,
  });
}

export function useRegisterOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewOrganization) => api.post<Organization>('/api/v1/organizations', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['organizations'] }),
  });
}
