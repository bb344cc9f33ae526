// Industrial metrology calculations (DESIGN.md §8): `POST /api/v1/metrology/<kind>`, JSON in and
// out. Live results are queries keyed by the (debounced) request body; Monte Carlo is a mutation.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, request } from './client.ts';
import type { GumOutput as EngineGumOutput, GumQuantity } from '../../../src/metrology/gum/index.ts';
import type { McmOutput as EngineMcmOutput, McmQuantity } from '../../../src/metrology/mcm/index.ts';

export type MetrologyKind = 'gum' | 'mcm' | 'conformance' | 'interval' | 'grr' | 'spc';

export function runMetrology<T>(kind: MetrologyKind, body: unknown): Promise<T> {
  return api.post<T>(`/api/v1/metrology/${kind}`, body);
}

/** The calculation as an Excel workbook (`POST /api/v1/metrology/<kind>/report.xlsx`). */
export function metrologyReport(kind: MetrologyKind, body: unknown): Promise<Blob> {
  return request<Blob>(`/api/v1/metrology/${kind}/report.xlsx`, { method: 'POST', json: body, blob: true });
}

/** The calculation as a PDF report (`POST /api/v1/metrology/<kind>/report.pdf`). */
export function metrologyReportPdf(kind: MetrologyKind, body: unknown): Promise<Blob> {
  return request<Blob>(`/api/v1/metrology/${kind}/report.pdf`, { method: 'POST', json: body, blob: true });
}

/** Result of `kind` for `body`; nothing is sent while `body` is undefined. */
export function useMetrology<T>(kind: MetrologyKind, body: unknown) {
  return useQuery({
    queryKey: ['metrology', kind, body ?? null],
    queryFn: () => runMetrology<T>(kind, body),
    enabled: body !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

export function useMonteCarlo() {
  return useMutation({ mutationFn: (body: McmRequest) => runMetrology<McmResult>('mcm', body) });
}

// ---- gum / mcm ----

export type Distribution = 'rectangular' | 'triangular' | 'arcsine';

export interface GumInput {
  readonly value: number | string;
  readonly u?: number | string;
  readonly U?: number | string;
  readonly k?: number | string;
  readonly dist?: Distribution;
  readonly halfWidth?: number | string;
  readonly dof?: number | string;
}

export interface GumRequest {
  readonly model: string;
  readonly inputs: Record<string, GumInput>;
  readonly correlations?: [string, string, number][];
  readonly p: number;
  readonly dofPolicy: 'truncate' | 'continuous';
}

export interface McmRequest extends GumRequest {
  readonly trials: number;
  readonly seed: number;
}

// Result shapes are the engine's own types (type-only imports, erased from the bundle), so the
// pages cannot drift from what the server returns.
export type { BudgetEntry } from '../../../src/metrology/gum/index.ts';
export type GumOutput = GumQuantity;
export type GumResult = EngineGumOutput;
export type Interval = readonly [number, number];
export type McmHistogram = NonNullable<McmQuantity['histogram']>;
export type McmOutput = McmQuantity;
export type McmResult = EngineMcmOutput;

// ---- conformance ----

export type DecisionRule = 'simple' | 'guarded' | 'risk';

export interface ConformanceRequest {
  readonly measured: number;
  readonly u: number;
  readonly lower?: number;
  readonly upper?: number;
  readonly rule: DecisionRule;
  readonly k?: number;
  readonly targetPFA?: number;
  readonly process?: { readonly mean: number; readonly sd: number };
}

export type { ConformanceResult } from '../../../src/metrology/decision/index.ts';

// ---- grr ----

export interface GrrRequest {
  readonly data: number[][][];
  readonly method: 'anova' | 'xbar-r';
  readonly tolerance?: number;
}

export type GrrComponent = 'ev' | 'av' | 'interaction' | 'grr' | 'pv';

export type { GrrResult } from '../../../src/metrology/msa/index.ts';

// ---- spc ----

export type ChartKind = 'xbar-r' | 'xbar-s' | 'imr' | 'p' | 'c';

export interface SpcRequest {
  readonly chart: ChartKind;
  readonly subgroups?: number[][];
  readonly values?: number[];
  readonly sampleSize?: number | number[];
  readonly spec?: { readonly lsl?: number; readonly usl?: number };
  readonly rules?: 'western-electric';
}

export type { DispersionChartResult as DispersionChart } from '../../../src/metrology/spc/index.ts';

export type { SpcResult } from '../../../src/metrology/spc/index.ts';
