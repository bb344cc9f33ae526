// Reference data (districts, catalogue categories, use domains): fetched once, cached for the session.
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Category, District, UseDomain } from './types.ts';

const forever = { staleTime: Infinity, gcTime: Infinity } as const;

export function useDistricts() {
  return useQuery({
    queryKey: ['reference', 'districts'],
    queryFn: ({ signal }) => api.get<District[]>('/api/v1/reference/districts', undefined, signal),
    ...forever,
  });
}

export function useCategories() {
  return useQuery({
    queryKey: ['reference', 'categories'],
    queryFn: ({ signal }) => api.get<Category[]>('/api/v1/reference/categories', undefined, signal),
    ...forever,
  });
}

export function useUseDomains() {
  return useQuery({
    queryKey: ['reference', 'use-domains'],
    queryFn: ({ signal }) => api.get<UseDomain[]>('/api/v1/reference/use-domains', undefined, signal),
    ...forever,
  });
}
