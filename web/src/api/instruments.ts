// Instrument queries and writes. Every write invalidates instrument and supervision data so the
// status, next due date and due counts on screen follow the server.
import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import { api, request } from './client.ts';
import type {
  DueState,
  Instrument,
  InstrumentDetail,
  InstrumentPage,
  InstrumentSort,
  InstrumentStatus,
  IntervalRecommendation,
  ManualAction,
  NewInstrument,
  NewVerification,
  Verification,
} from './types.ts';

export interface InstrumentFilter {
  districtCode?: string | undefined;
  categoryCode?: string | undefined;
  status?: InstrumentStatus | undefined;
  dueState?: DueState | undefined;
  ownerId?: number | undefined;
  q?: string | undefined;
  dueSoonDays?: number | undefined;
}

export interface InstrumentQuery extends InstrumentFilter {
  sort?: InstrumentSort | undefined;
  page: number;
  pageSize: number;
}

export function useInstruments(query: InstrumentQuery) {
  return useQuery({
    queryKey: ['instruments', 'list', query],
    queryFn: ({ signal }) => api.get<InstrumentPage>('/api/v1/instruments', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInstrument(id: number) {
  return useQuery({
    queryKey: ['instruments', 'detail', id],
    queryFn: ({ signal }) => api.get<InstrumentDetail>(`/api/v1/instruments/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The calibration-interval recommendation (non-compulsory instruments; NCSLI RP-1 A3). */
export function useIntervalRecommendation(id: number, reliabilityTarget: number) {
  return useQuery({
    queryKey: ['instruments', 'interval-recommendation', id, reliabilityTarget],
    queryFn: ({ signal }) => api.get<IntervalRecommendation>(`/api/v1/instruments/${id}/interval-recommendation`, { reliabilityTarget }, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export type ExportFormat = 'xlsx' | 'csv';

/**
 * The Excel or CSV export of the list with the same filters, fetched through the client (not a
 * plain link) because exporting may need the password again.
 */
export function exportInstruments(format: ExportFormat, filter: InstrumentFilter & { sort?: InstrumentSort | undefined }): Promise<Blob> {
  return request<Blob>(`/api/v1/exports/instruments.${format}`, { query: { ...filter }, blob: true });
}

function useInvalidateInstruments() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['instruments'] }),
      client.invalidateQueries({ queryKey: ['supervision'] }),
      client.invalidateQueries({ queryKey: ['organizations'] }),
    ]);
}

export function useRegisterInstrument() {
  const invalidate = useInvalidateInstruments();
  return useMutation({
    mutationFn: (body: NewInstrument) => api.post<Instrument>('/api/v1/instruments', body),
    onSuccess: invalidate,
  });
}

export interface ActionInput {
  action: ManualAction;
  occurredOn?: string;
  note?: string;
}

export function useInstrumentAction(id: number) {
  const invalidate = useInvalidateInstruments();
  return useMutation({
    mutationFn: (body: ActionInput) => api.post<Instrument>(`/api/v1/instruments/${id}/actions`, body),
    onSuccess: invalidate,
  });
}

export function useRecordVerification(id: number) {
  const invalidate = useInvalidateInstruments();
  return useMutation({
    mutationFn: (body: NewVerification) => api.post<Verification>(`/api/v1/instruments/${id}/verifications`, body),
    onSuccess: invalidate,
  });
}
