// Supervision read models: due summary by district.
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { api } from './client.ts';
import type { DueSummary } from './types.ts';

export function useDueSummary(dueSoonDays: number | undefined) {
  return useQuery({
    queryKey: ['supervision', 'due-summary', dueSoonDays ?? null],
    queryFn: ({ signal }) =>
      api.get<DueSummary>('/api/v1/supervision/due-summary', { dueSoonDays }, signal),
    placeholderData: keepPreviousData,
  });
}
