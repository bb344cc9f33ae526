// `spc` engine (DESIGN.md §8): Shewhart control limits, capability and out-of-control points.
// `outOfControl` lists the points of the location chart (X̄, individuals, p or c) beyond its
// limits; the dispersion chart (R, s or moving range) lists its own in `rangeChart.outOfControl`
// (`sChart` for X̄–s).
import { cChart, pChart } from './attribute-charts.ts';
import { capability } from './capability.ts';
import { beyondLimits, type ChartLimits, type LocationChart } from './chart-limits.ts';
import { parseSpcInput, type ChartKind, type SpecLimits } from './spc-input.ts';
import { imrChart, xbarRChart, xbarSChart, type VariablesChart } from './variables-charts.ts';
import { westernElectric, type RuleViolation } from './western-electric.ts';

export interface DispersionChartResult extends ChartLimits {
  readonly outOfControl: readonly number[];
}

export interface SpcResult {
  readonly chart: ChartKind;
  readonly center: number;
  readonly ucl: number;
  readonly lcl: number;
  readonly points: readonly (number | null)[];
  /** p chart with one sample size per point: the limits of each point */
  readonly pointLimits?: readonly { readonly lcl: number; readonly ucl: number }[];
  /** R chart (X̄–R) or moving-range chart (I–MR) */
  readonly rangeChart?: DispersionChartResult;
  /** s chart (X̄–s) */
  readonly sChart?: DispersionChartResult;
  /** within-subgroup σ estimate (variables charts) */
  readonly sigma?: number;
  readonly cp?: number | null;
  readonly cpk?: number | null;
  readonly outOfControl: readonly number[];
  readonly violations?: readonly RuleViolation[];
}

export function runSpc(input: unknown): SpcResult {
  const req = parseSpcInput(input);
  let variables: VariablesChart | undefined;
  let location: LocationChart;
  let spec: SpecLimits | undefined;
  switch (req.chart) {
    case 'xbar-r':
    case 'xbar-s':
      variables = req.chart === 'xbar-r' ? xbarRChart(req.subgroups) : xbarSChart(req.subgroups);
      location = variables.location;
      spec = req.spec;
      break;
    case 'imr':
      variables = imrChart(req.values);
      location = variables.location;
      spec = req.spec;
      break;
    case 'p':
      location = pChart(req.values, req.sampleSize);
      break;
    case 'c':
      location = cChart(req.values);
      break;
  }

  const dispersion = variables ? { ...limitsOf(variables.dispersion), outOfControl: beyondLimits(variables.dispersion) } : undefined;
  return {
    chart: req.chart,
    ...limitsOf(location),
    ...(location.pointLimits ? { pointLimits: location.pointLimits } : {}),
    ...(dispersion ? (req.chart === 'xbar-s' ? { sChart: dispersion } : { rangeChart: dispersion }) : {}),
    ...(variables ? { sigma: variables.sigma } : {}),
    ...(variables && spec ? capability(spec, location.center, variables.sigma) : {}),
    outOfControl: beyondLimits(location),
    ...(req.rules === 'western-electric' ? { violations: westernElectric(location) } : {}),
  };
}

function limitsOf(chart: ChartLimits): ChartLimits {
  return { center: chart.center, ucl: chart.ucl, lcl: chart.lcl, points: chart.points };
}
