// Industrial metrology calculations (DESIGN.md §8): `POST /api/v1/metrology/<kind>`, JSON in and
// out. Live results are queries keyed by the (debounced) request body; Monte Carlo is a mutation.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, request } from './client.ts';

export type MetrologyKind = 'gum' | 'mcm' | 'conformance' | 'interval' | 'grr' | 'spc';

export function runMetrology<T>(kind: MetrologyKind, body: unknown): Promise<T> {
  return api.post<T>(`/api/v1/metrology/${kind}`, body);
}

/** The calculation as an Excel workbook (`POST /api/v1/metrology/<kind>/report.xlsx`). */
export function metrologyReport(kind: MetrologyKind, body: unknown): Promise<Blob> {
  return request<Blob>(`/api/v1/metrology/${kind}/report.xlsx`, { method: 'POST', json: body, blob: true });
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

export interface BudgetEntry {
  readonly input: string;
  readonly sensitivity: number;
  readonly contribution: number;
  readonly u: number;
  readonly dof: number | null;
  readonly percent: number;
}

export interface GumOutput {
  readonly value: number;
  readonly u: number;
  readonly dof: number | null;
  readonly k: number;
  readonly U: number;
  readonly p: number;
  readonly budget: BudgetEntry[];
}

export interface GumResult {
  readonly outputs: Record<string, GumOutput>;
  readonly correlation?: Record<string, Record<string, number | null>>;
  readonly notes?: string[];
}

export type Interval = [number, number];

/** Equal-width bins over the 0.05 % … 99.95 % quantile span of the trials. */
export interface McmHistogram {
  readonly lower: number;
  readonly binWidth: number;
  readonly counts: number[];
  readonly below: number;
  readonly above: number;
}

export interface McmOutput {
  readonly value: number;
  readonly u: number;
  readonly p: number;
  readonly interval: { readonly symmetric: Interval; readonly shortest: Interval };
  readonly validation: {
    readonly ndig: number;
    readonly deltaTolerance: number;
    readonly gumInterval: Interval;
    readonly dLow: number;
    readonly dHigh: number;
    readonly passed: boolean;
  } | null;
  readonly histogram?: McmHistogram;
}

export interface McmResult {
  readonly outputs: Record<string, McmOutput>;
  readonly trials: number;
  readonly seed: number;
  readonly notes?: string[];
}

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

export interface ConformanceResult {
  readonly pc: number;
  readonly specificRisk: number;
  readonly decision: 'accept' | 'reject';
  readonly acceptance: { readonly lower?: number | null; readonly upper?: number | null };
  readonly globalPFA?: number;
  readonly globalPFR?: number;
}

// ---- grr ----

export interface GrrRequest {
  readonly data: number[][][];
  readonly method: 'anova' | 'xbar-r';
  readonly tolerance?: number;
}

export type GrrComponent = 'ev' | 'av' | 'interaction' | 'grr' | 'pv';

export interface GrrResult {
  readonly method: 'anova' | 'xbar-r';
  readonly ev: number;
  readonly av: number;
  readonly interaction: number;
  readonly grr: number;
  readonly pv: number;
  readonly tv: number;
  readonly pctGRR: number;
  readonly ndc: number;
  readonly pctTotalVariation?: Record<GrrComponent, number>;
  readonly pctTolerance?: Record<GrrComponent, number>;
  readonly interactionPooled?: boolean;
  readonly interactionP?: number;
  readonly anova?: { source: string; df: number; ss: number; ms?: number; f?: number; p?: number }[];
}

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

export interface DispersionChart {
  readonly center: number;
  readonly ucl: number;
  readonly lcl: number;
  readonly points?: (number | null)[];
  readonly outOfControl: number[];
}

export interface SpcResult {
  readonly chart: ChartKind;
  readonly center: number;
  readonly ucl: number;
  readonly lcl: number;
  readonly points: (number | null)[];
  readonly pointLimits?: { readonly lcl: number; readonly ucl: number }[];
  readonly rangeChart?: DispersionChart;
  readonly sChart?: DispersionChart;
  readonly sigma?: number;
  readonly cp?: number | null;
  readonly cpk?: number | null;
  readonly outOfControl: number[];
  readonly violations?: { readonly rule: 1 | 2 | 3 | 4; readonly index: number }[];
}
