// The body of each kind's report: the input as given (through the engine's own parser, so defaults
// and derived standard uncertainties read as the engine used them), then the result — tables,
// verdicts and charts. Labels are Chinese first with the English below or after them.
import type { MetrologyKind } from '../../metrology/index.ts';
import { parseModelInput, type GumOutput, type GumQuantity, type UncertainInput } from '../../metrology/gum/index.ts';
import type { McmOutput, McmQuantity } from '../../metrology/mcm/index.ts';
import { parseConformanceInput, type ConformanceResult } from '../../metrology/decision/index.ts';
import { parseIntervalInput, type A3Result, type A1Result, type IntervalResult } from '../../metrology/intervals/index.ts';
import { parseGrrInput, type AnovaRow, type GrrResult } from '../../metrology/msa/index.ts';
import { parseSpcInput, type ChartKind, type SpcResult } from '../../metrology/spc/index.ts';
import { singleLine } from '../certificates/certificate-text.ts';
import { barChart, conformanceChart, controlChart, histogramChart, type Bar } from './charts.ts';
import { dof, estimate, given, interval, percent, probability, sig } from './format.ts';
import { ACCENT, FAIL, INK, MUTED, PASS, WARN, type Cell, type Column, type Field, type Label, type Report, type Row } from './layout.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface KindTitle extends Label {
  /** The documents the calculation follows. */
  readonly basis: string;
}

export const KIND_TITLES: Readonly<Record<MetrologyKind, KindTitle>> = {
  gum: { zh: '测量不确定度评定报告', en: 'Evaluation of measurement uncertainty (GUM)', basis: 'JCGM 100:2008 (GUM) · JJF 1059.1-2012' },
  mcm: { zh: '蒙特卡洛法不确定度评定报告', en: 'Propagation of distributions by a Monte Carlo method', basis: 'JCGM 101:2008 · JJF 1059.2-2012' },
  conformance: { zh: '符合性判定与风险报告', en: 'Conformity assessment and decision risk', basis: 'JCGM 106:2012 · ILAC G8:09/2019' },
  interval: { zh: '校准间隔分析报告', en: 'Calibration interval analysis', basis: 'NCSLI RP-1 (2010) · ILAC G24:2007 / OIML D 10:2007' },
  grr: { zh: '测量系统分析报告（重复性与再现性）', en: 'Measurement system analysis: gauge repeatability and reproducibility', basis: 'AIAG MSA 4th edition' },
  spc: { zh: '统计过程控制报告', en: 'Statistical process control', basis: 'ISO 7870-2 (Shewhart control charts) · ISO 22514-2 (capability)' },
};

const field = (zh: string, en: string, value: string, extra: Partial<Field> = {}): Field => ({ zh, en, value, ...extra });
const pct = (p: number) => `${given(Number((p * 100).toPrecision(10)))} %`;
const lines = (...items: { text: string; size?: number; color?: string; bold?: boolean }[]): Cell =>
  items.map((l) => ({ size: 8.5, ...l }));
/** An input's stated degrees of freedom, as given (∞ when none). */
const inputDof = (v: number | null): string => (v === null || v === Infinity ? '∞' : given(v));
const bilingual = (zh: string, en: string, color?: string): Cell => lines({ text: zh, color }, { text: en, size: 6.5, color: color ?? MUTED });

// =============================================================================================
// GUM and Monte Carlo: the model and its inputs.

const SHAPES: Readonly<Record<UncertainInput['shape'], Label>> = {
  normal: { zh: '正态', en: 'Normal' },
  t: { zh: 't 分布', en: 'Student t' },
  rectangular: { zh: '矩形', en: 'Rectangular' },
  triangular: { zh: '三角', en: 'Triangular' },
  arcsine: { zh: '反正弦', en: 'Arcsine' },
  uniform: { zh: '均匀', en: 'Uniform' },
};

function modelText(model: unknown): string {
  if (typeof model === 'string') return singleLine(model);
  if (isObject(model)) return Object.entries(model).map(([name, expr]) => `${name} = ${singleLine(String(expr))}`).join('\n');
  return '—';
}

/** How the input's uncertainty was stated: u, U with k, a half-width, or bounds. */
function statedAs(spec: unknown): string {
  if (!isObject(spec)) return '—';
  const n = (key: string) => (typeof spec[key] === 'number' ? given(spec[key]) : String(spec[key]));
  if (spec.low !== undefined || spec.high !== undefined) return `[${n('low')}, ${n('high')}]`;
  if (spec.halfWidth !== undefined) return `a = ${n('halfWidth')}`;
  if (spec.U !== undefined) return `U = ${n('U')}, k = ${n('k')}`;
  if (spec.u !== undefined) return `u = ${n('u')}`;
  return '—';
}

function modelInput(input: unknown): { inputs: readonly UncertainInput[]; byName: ReadonlyMap<string, UncertainInput> } {
  try {
    const parsed = parseModelInput(input);
    return { inputs: parsed.inputs, byName: new Map(parsed.inputs.map((i) => [i.name, i])) };
  } catch {
    return { inputs: [], byName: new Map() }; // the calculation ran, so this does not happen; the table is left out
  }
}

function modelSection(r: Report, kind: 'gum' | 'mcm', input: unknown): ReadonlyMap<string, UncertainInput> {
  const raw = isObject(input) ? input : {};
  const { inputs, byName } = modelInput(input);
  r.section('输入', 'Input');
  const wide: Field[] = [field('测量模型', 'Measurement model', modelText(raw.model), { wide: true })];
  const fields: Field[] = [field('包含概率', 'Coverage probability p', pct(typeof raw.p === 'number' ? raw.p : 0.95))];
  if (kind === 'gum') {
    fields.push(
      field('自由度处理', 'ν_eff for k', raw.dofPolicy === 'continuous' ? '连续 t 分位数 continuous' : '取整后查 t 表 truncated (JCGM 100 G.6.4)'),
      field('传播阶数', 'Propagation order', raw.order === 2 ? '二阶 second order (JCGM 100 5.1.2 note)' : '一阶 first order (law of propagation)'),
    );
  } else {
    if (raw.trials !== undefined) fields.push(field('试验次数', 'Trials M requested', given(raw.trials as number)));
    if (raw.seed !== undefined) fields.push(field('随机数种子', 'Seed', given(raw.seed as number)));
    if (raw.adaptive !== undefined) fields.push(field('自适应', 'Adaptive (JCGM 101 7.9)', raw.adaptive ? `是 yes，n_dig = ${given((raw.ndig as number) ?? 2)}` : '否 no'));
  }
  if (Array.isArray(raw.correlations) && raw.correlations.length > 0) {
    const pairs = raw.correlations.map((c) => (Array.isArray(c) ? `r(${String(c[0])}, ${String(c[1])}) = ${given(c[2] as number)}` : '')).filter(Boolean);
    wide.push(field('输入量相关系数', 'Input correlations', pairs.join('；'), { wide: true }));
  }
  r.fields([...wide, ...fields]);

  const specs = isObject(raw.inputs) ? raw.inputs : {};
  if (inputs.length > 0) {
    r.subheading('输入量', 'Input quantities');
    r.table(
      [
        { zh: '输入量', en: 'Input X_i', width: 16 },
        { zh: '估计值', en: 'Estimate x_i', width: 20, align: 'right' },
        { zh: '标准不确定度', en: 'u(x_i)', width: 16, align: 'right' },
        { zh: '自由度', en: 'ν_i', width: 9, align: 'right' },
        { zh: '分布', en: 'Distribution', width: 17, align: 'center' },
        { zh: '给定方式', en: 'Stated as', width: 22 },
      ],
      inputs.map((i): Row => ({
        cells: [i.name, given(i.value), sig(i.u), inputDof(i.dof), `${SHAPES[i.shape].zh} ${SHAPES[i.shape].en}`, statedAs(specs[i.name])],
      })),
      { continued: '输入量（续） Input quantities (continued)' },
    );
  }
  return byName;
}

/** Symmetric matrices from the engine's upper triangles (diagonal: 1, or u² for covariances). */
function matrixTable(r: Report, names: readonly string[], upper: Record<string, Record<string, number | null>> | undefined, diagonal: (name: string) => string, format: (v: number | null) => string): void {
  const at = (a: string, b: string): number | null | undefined => upper?.[a]?.[b] ?? upper?.[b]?.[a];
  const columns: Column[] = [{ zh: '', width: 16 }, ...names.map((n) => ({ zh: n, width: 16, align: 'right' as const }))];
  r.table(
    columns,
    names.map((a) => ({ cells: [a, ...names.map((b) => (a === b ? diagonal(a) : format(at(a, b) ?? null)))] })),
  );
}

// =============================================================================================

export function gumReport(r: Report, input: unknown, result: GumOutput): void {
  const inputs = modelSection(r, 'gum', input);
  r.section('结果', 'Result');
  const outputs = Object.entries(result.outputs);
  for (const [name, q] of outputs) {
    if (outputs.length > 1) r.subheading(`输出量 ${name}`, `Output ${name}`);
    gumQuantity(r, name, q, inputs);
  }
  if (outputs.length > 1) {
    const names = outputs.map(([n]) => n);
    r.subheading('输出量的协方差', 'Covariance between outputs u(y_i, y_j)');
    matrixTable(r, names, result.covariance, (n) => sig((result.outputs[n]?.u ?? NaN) ** 2), (v) => sig(v));
    r.subheading('输出量的相关系数', 'Correlation coefficients r(y_i, y_j)');
    matrixTable(r, names, result.correlation, () => '1', (v) => sig(v, 4));
  }
  notes(r, result.notes);
}

function gumQuantity(r: Report, name: string, q: GumQuantity, inputs: ReadonlyMap<string, UncertainInput>): void {
  const fields: Field[] = [
    field('测量结果', 'Result', `${name} = ${estimate(q.value, q.u)} ± ${estimate(q.U, q.u)}（k = ${q.k.toFixed(2)}, p = ${pct(q.p)}）`, { strong: true, wide: true }),
    field('估计值', `Estimate ${name}`, estimate(q.value, q.u), { strong: true }),
    field('合成标准不确定度', `Combined standard uncertainty u_c(${name})`, sig(q.u), { strong: true }),
    field('有效自由度', 'Effective degrees of freedom ν_eff', dof(q.dof)),
    field('包含因子', `Coverage factor k (p = ${pct(q.p)})`, q.k.toFixed(2)),
    field('扩展不确定度', `Expanded uncertainty U = k·u_c (p = ${pct(q.p)})`, sig(q.U), { strong: true }),
    field('包含区间', `Coverage interval [${name} − U, ${name} + U]`, interval([q.value - q.U, q.value + q.U], q.u)),
  ];
  if (q.uFirstOrder !== undefined) fields.push(field('一阶近似的合成标准不确定度', 'First-order u_c, for comparison', sig(q.uFirstOrder)));
  r.fields(fields);

  r.subheading('不确定度分量汇总', 'Uncertainty budget');
  const total = q.budget.reduce((s, b) => s + (Number.isFinite(b.percent) ? b.percent : 0), 0);
  r.table(
    [
      { zh: '输入量', en: 'Input X_i', width: 15 },
      { zh: '估计值', en: 'x_i', width: 17, align: 'right' },
      { zh: '标准不确定度', en: 'u(x_i)', width: 13, align: 'right' },
      { zh: '自由度', en: 'ν_i', width: 8, align: 'right' },
      { zh: '灵敏系数', en: 'c_i = ∂f/∂x_i', width: 15, align: 'right' },
      { zh: '不确定度分量', en: '|c_i|·u(x_i)', width: 14, align: 'right' },
      { zh: '贡献', en: 'Contribution', width: 11, align: 'right' },
    ],
    [
      ...q.budget.map((b): Row => ({
        cells: [b.input, given(inputs.get(b.input)?.value), sig(b.u), inputDof(b.dof), sig(b.sensitivity), sig(b.contribution), percent(b.percent)],
      })),
      {
        cells: [
          lines({ text: '合成', bold: true }, { text: 'Combined', size: 6.5, color: MUTED }),
          estimate(q.value, q.u), '', dof(q.dof), '',
          lines({ text: `u_c = ${sig(q.u)}`, bold: true }),
          percent(total),
        ],
      },
    ],
    { continued: '不确定度分量汇总（续） Uncertainty budget (continued)' },
  );
  const bars: Bar[] = q.budget
    .filter((b) => Number.isFinite(b.percent) && b.percent > 0)
    .sort((a, b) => b.percent - a.percent)
    .map((b) => ({ label: b.input, value: b.percent, text: percent(b.percent) }));
  if (bars.length > 0) barChart(r, { zh: '各分量对合成方差的贡献', en: `Contributions to u_c²(${name}), %` }, bars);
}

// =============================================================================================

export function mcmReport(r: Report, input: unknown, result: McmOutput): void {
  modelSection(r, 'mcm', input);
  r.section('结果', 'Result');
  const outputs = Object.entries(result.outputs);
  for (const [name, q] of outputs) {
    if (outputs.length > 1) r.subheading(`输出量 ${name}`, `Output ${name}`);
    mcmQuantity(r, name, q, result);
  }
  if (result.adaptive) {
    const a = result.adaptive;
    r.subheading('自适应蒙特卡洛', 'Adaptive Monte Carlo (JCGM 101 7.9)');
    r.fields([
      field('是否收敛', 'Converged', a.converged ? '是 yes' : '否 no（达到试验次数上限 trial limit reached）', { color: a.converged ? INK : FAIL }),
      field('有效数字位数', 'n_dig', String(a.ndig)),
      field('批次', 'Blocks × block size', `${a.blocks} × ${a.blockSize}`),
      field('数值容差', 'Numerical tolerance δ', Object.entries(a.tolerance).map(([n, d]) => `${n}: ${sig(d, 2)}`).join('；')),
    ]);
  }
  if (outputs.length > 1) {
    r.subheading('输出量的相关系数', 'Correlation coefficients r(y_i, y_j) of the trials');
    matrixTable(r, outputs.map(([n]) => n), result.correlation, () => '1', (v) => sig(v, 4));
  }
  notes(r, result.notes);
}

function mcmQuantity(r: Report, name: string, q: McmQuantity, result: McmOutput): void {
  const { symmetric, shortest } = q.interval;
  r.fields([
    field('平均值（估计值）', `Mean ${name} of the trials`, estimate(q.value, q.u), { strong: true }),
    field('标准不确定度', `Standard uncertainty u(${name})`, sig(q.u), { strong: true }),
    field('概率对称包含区间', `Probabilistically symmetric interval (p = ${pct(q.p)})`, interval(symmetric, q.u), { strong: true }),
    field('最短包含区间', `Shortest interval (p = ${pct(q.p)})`, interval(shortest, q.u)),
    field('对称区间宽度', 'Width of the symmetric interval', sig(symmetric[1] - symmetric[0])),
    field('最短区间宽度', 'Width of the shortest interval', sig(shortest[1] - shortest[0])),
    field('试验次数', 'Trials M', String(result.trials)),
    field('随机数种子', 'Seed', String(result.seed)),
  ]);

  r.subheading('与 GUM 不确定度框架比较', 'Validation of the GUF against the Monte Carlo result (JCGM 101 8)');
  const v = q.validation;
  if (!v) {
    r.paragraph([{ text: '无法在估计值处计算 GUF（模型在该点不可微），未作比较。The GUF cannot be evaluated at the estimates; no comparison.', size: 9, color: MUTED }]);
  } else {
    r.fields([
      field(
        '验证结论',
        'Verdict',
        v.passed ? '通过：GUF 适用于本模型 Validated: the GUF applies' : '未通过：应采用蒙特卡洛结果 Not validated: use the Monte Carlo result',
        { strong: true, color: v.passed ? PASS : FAIL, wide: true },
      ),
      field('GUF 包含区间', `GUF interval ${name} ± U_p`, interval(v.gumInterval, q.u)),
      field('数值容差', `Numerical tolerance δ (n_dig = ${v.ndig})`, sig(v.deltaTolerance, 2)),
      field('下端差', 'd_low = |y − U_p − y_low|', sig(v.dLow, 3)),
      field('上端差', 'd_high = |y + U_p − y_high|', sig(v.dHigh, 3)),
    ]);
  }
  const markers = [
    { label: `概率对称包含区间 Symmetric ${interval(symmetric, q.u)}`, lo: symmetric[0], hi: symmetric[1], color: ACCENT },
    { label: `最短包含区间 Shortest ${interval(shortest, q.u)}`, lo: shortest[0], hi: shortest[1], color: PASS, dash: 3 },
    ...(v ? [{ label: `GUF 区间 GUF ${interval(v.gumInterval, q.u)}`, lo: v.gumInterval[0], hi: v.gumInterval[1], color: WARN, dash: 1.5 }] : []),
  ];
  histogramChart(r, { zh: `${name} 的模拟分布`, en: `Histogram of the ${result.trials} model values, p = ${pct(q.p)}` }, q.histogram, markers, q.value);
}

// =============================================================================================

const RULES: Readonly<Record<string, Label>> = {
  simple: { zh: '简单接受（无保护带）', en: 'Simple acceptance (ILAC G8 4.2.1)' },
  guarded: { zh: '保护带法', en: 'Guarded acceptance, w = k·u (ILAC G8 4.2.2)' },
  risk: { zh: '按特定风险设定接受限', en: 'Acceptance limits for a target specific risk (JCGM 106 8)' },
};

export function conformanceReport(r: Report, input: unknown, result: ConformanceResult): void {
  const req = parseConformanceInput(input);
  const rule = RULES[req.rule] ?? { zh: req.rule, en: '' };
  r.section('输入', 'Input');
  const fields: Field[] = [
    field('测得值', 'Measured value y', given(req.measured)),
    field('标准不确定度', 'Standard uncertainty u', given(req.u)),
    field('下容差限', 'Lower tolerance limit TL', given(req.lower)),
    field('上容差限', 'Upper tolerance limit TU', given(req.upper)),
    field('判定规则', 'Decision rule', `${rule.zh} ${rule.en}`, { wide: true }),
  ];
  if (req.rule === 'guarded') fields.push(field('保护带因子', 'Guard band factor k', given(req.k)));
  if (req.targetPFA !== undefined) fields.push(field('目标特定风险', 'Target specific risk', given(req.targetPFA)));
  if (req.process) fields.push(field('过程分布', 'Process N(μ0, σ0²)', `μ0 = ${given(req.process.mean)}, σ0 = ${given(req.process.sd)}`));
  r.fields(fields);

  r.section('结果', 'Result');
  const accepted = result.decision === 'accept';
  const fmt = (v: number) => given(Number(v.toPrecision(6)));
  const out: Field[] = [
    field('判定结论', 'Decision', accepted ? '接受（符合） Accept' : '拒绝（不符合） Reject', { strong: true, color: accepted ? PASS : FAIL }),
    field('符合概率', 'Probability of conformity pc', probability(result.pc), { strong: true }),
    field(
      '特定风险',
      accepted ? "Specific consumer's risk 1 − pc (false accept)" : "Specific producer's risk pc (false reject)",
      probability(result.specificRisk),
      { strong: true },
    ),
    field(
      '接受区间',
      'Acceptance interval [AL, AU]',
      result.acceptance.lower === null && result.acceptance.upper === null && (req.lower !== undefined && req.upper !== undefined)
        ? '空（任何结果都拒绝） empty: every result is rejected'
        : `[${result.acceptance.lower === null ? '−∞' : fmt(result.acceptance.lower)}, ${result.acceptance.upper === null ? '+∞' : fmt(result.acceptance.upper)}]`,
    ),
  ];
  const guardLower = req.lower !== undefined && result.acceptance.lower !== null ? result.acceptance.lower - req.lower : undefined;
  const guardUpper = req.upper !== undefined && result.acceptance.upper !== null ? req.upper - result.acceptance.upper : undefined;
  if (guardLower !== undefined) out.push(field('下保护带', 'Lower guard band w = AL − TL', fmt(guardLower)));
  if (guardUpper !== undefined) out.push(field('上保护带', 'Upper guard band w = TU − AU', fmt(guardUpper)));
  if (result.globalPFA !== undefined) out.push(field('全局误收风险', "Global consumer's risk PFA", probability(result.globalPFA)));
  if (result.globalPFR !== undefined) out.push(field('全局误拒风险', "Global producer's risk PFR", probability(result.globalPFR)));
  r.fields(out);
  conformanceChart(r, { zh: '容差、接受区间与测量结果', en: 'Tolerance, acceptance zone and the measurement PDF' }, {
    measured: req.measured,
    u: req.u,
    ...(req.lower === undefined ? {} : { lower: req.lower }),
    ...(req.upper === undefined ? {} : { upper: req.upper }),
    acceptLower: result.acceptance.lower,
    acceptUpper: result.acceptance.upper,
    format: fmt,
  });
  notes(r, [
    'pc 为被测量真值落在容差区间内的概率（正态测量模型）。pc is the probability that the true value lies within the tolerance interval (normal measurement model, JCGM 106 7).',
    ...(result.globalPFA !== undefined ? ['全局风险按过程分布对所有受检对象平均（JCGM 106 9.5）。Global risks average over the items drawn from the process (JCGM 106 9.5).'] : []),
  ]);
}

// =============================================================================================

const ACTIONS: Readonly<Record<string, Label>> = {
  lengthen: { zh: '延长', en: 'Lengthen' },
  shorten: { zh: '缩短', en: 'Shorten' },
  keep: { zh: '保持', en: 'Keep' },
};

export function intervalReport(r: Report, input: unknown, result: IntervalResult): void {
  const req = parseIntervalInput(input);
  const inTolerance = req.history.filter((h) => h.inTolerance).length;
  r.section('输入', 'Input');
  const fields: Field[] = [
    field('方法', 'Method', req.method === 'A3' ? 'A3 区间检验 Interval test (NCSLI RP-1 A3)' : 'A1 简单响应法 Simple response / staircase (NCSLI RP-1 A1, OIML D 10)', { wide: true }),
    field('可靠度目标', 'Reliability target R*', probability(req.reliabilityTarget)),
    field('当前间隔', 'Current interval I0', `${given(req.currentIntervalDays)} 天 d`),
    field('校准历史', 'Calibration history', `${req.history.length} 次，其中 ${inTolerance} 次在容差内 / ${req.history.length} results, ${inTolerance} in tolerance`, { wide: true }),
  ];
  if (req.minIntervalDays !== undefined) fields.push(field('最短间隔', 'Minimum interval', `${given(req.minIntervalDays)} 天 d`));
  if (req.maxIntervalDays !== undefined) fields.push(field('最长间隔', 'Maximum interval', `${given(req.maxIntervalDays)} 天 d`));
  if (req.method === 'A3') {
    fields.push(field('置信水平', 'Confidence', probability(req.confidence)), field('最大调整倍数', 'Maximum change factor', given(req.maxChangeFactor)));
    if (req.windowDays !== undefined) fields.push(field('窗口', 'Window ± days', given(req.windowDays)));
  } else {
    if (req.increase !== undefined) fields.push(field('延长系数', 'Increase a', given(req.increase)));
    if (req.decrease !== undefined) fields.push(field('缩短系数', 'Decrease b', given(req.decrease)));
  }
  r.fields(fields);
  r.subheading('校准历史', 'Calibration history (oldest first)');
  r.table(
    [
      { zh: '序号', en: 'No.', width: 8, align: 'center' },
      { zh: '间隔（天）', en: 'Interval (d)', width: 18, align: 'right' },
      { zh: '结果', en: 'Result', width: 30, align: 'center' },
    ],
    req.history.map((h, i): Row => ({
      cells: [String(i + 1), given(h.intervalDays), h.inTolerance ? '在容差内 In tolerance' : lines({ text: '超差 Out of tolerance', color: FAIL })],
      highlight: !h.inTolerance,
    })),
    { continued: '校准历史（续） Calibration history (continued)', size: 8 },
  );

  r.section('结果', 'Result');
  const action = ACTIONS[result.action] ?? { zh: result.action, en: '' };
  r.fields([
    field('建议校准间隔', 'Recommended interval', `${result.recommendedIntervalDays} 天 days`, { strong: true, color: ACCENT }),
    field('调整', 'Action', `${action.zh} ${action.en}`, { strong: true }),
    field('当前间隔', 'Current interval I0', `${given(result.currentIntervalDays)} 天 d`),
    field('计算间隔', 'Calculated interval', `${sig(result.calculatedIntervalDays, 4)} 天 d`),
  ]);
  if (result.method === 'NCSLI RP-1 A3') a3Test(r, result);
  else a1Step(r, result);
  const calculated = result.action === 'keep' ? result.currentIntervalDays : result.calculatedIntervalDays;
  const bounded = Math.round(calculated) !== result.recommendedIntervalDays;
  notes(r, [
    ...(bounded ? ['建议间隔已限制在给定的最短/最长间隔内。The recommendation is held within the given minimum and maximum interval.'] : []),
    '间隔按天取整。The recommended interval is rounded to whole days.',
  ]);
}

function a3Test(r: Report, a: A3Result): void {
  r.subheading('A3 区间检验', 'Interval test (NCSLI RP-1 A3)');
  const significant = a.rejectionConfidence > a.confidence;
  r.fields([
    field('观测可靠度', 'Observed reliability R0 = x/n', `${probability(a.observedReliability)}（${a.inTolerance}/${a.used}）`, { strong: true }),
    field('可靠度目标', 'Reliability target R*', probability(a.reliabilityTarget)),
    field('拒绝置信度', 'Rejection confidence Q', probability(a.rejectionConfidence), { strong: true }),
    field('置信水平', 'Confidence threshold', probability(a.confidence)),
    field('可靠度区间', `Clopper–Pearson interval of R at ${pct(a.confidence)}`, `[${probability(a.reliabilityInterval.lower)}, ${probability(a.reliabilityInterval.upper)}]`),
    field('计入/未计入', 'Results used / outside the window', `${a.used} / ${a.unused}（窗口 window I0 ± ${given(a.windowDays)} d）`),
  ]);
  r.paragraph([
    {
      text: significant
        ? `Q = ${probability(a.rejectionConfidence)} > ${probability(a.confidence)}：观测可靠度与目标差异显著，${(ACTIONS[a.action] ?? ACTIONS.keep!).zh}间隔。The difference from the target is significant: ${(ACTIONS[a.action] ?? ACTIONS.keep!).en.toLowerCase()} the interval.`
        : `Q = ${probability(a.rejectionConfidence)} ≤ ${probability(a.confidence)}：观测可靠度与目标无显著差异，保持当前间隔。The observed reliability is consistent with the target: keep the interval.`,
      size: 9.5,
      color: significant ? ACCENT : INK,
    },
  ]);
}

function a1Step(r: Report, a: A1Result): void {
  r.subheading('A1 简单响应法', 'Simple response (NCSLI RP-1 A1)');
  r.fields([
    field('最近一次结果', 'Last result', a.lastInTolerance ? '在容差内 In tolerance' : '超差 Out of tolerance', { color: a.lastInTolerance ? INK : FAIL }),
    field('全部历史的在容差率', 'In-tolerance rate of the history', probability(a.observedReliability)),
    field('延长系数', 'Increase a: I = I0·(1 + a)', sig(a.increase, 4)),
    field('缩短系数', 'Decrease b: I = I0·(1 − b)', sig(a.decrease, 4)),
  ]);
}

// =============================================================================================

const COMPONENTS: readonly (readonly [keyof GrrResult & ('ev' | 'av' | 'interaction' | 'grr' | 'pv' | 'tv'), string, string])[] = [
  ['ev', '重复性', 'Repeatability EV'],
  ['av', '再现性', 'Reproducibility AV'],
  ['interaction', '交互作用', 'Interaction INT'],
  ['grr', '测量系统', 'Gauge R&R GRR'],
  ['pv', '零件间', 'Part variation PV'],
  ['tv', '总变差', 'Total variation TV'],
];

const SOURCES: Readonly<Record<AnovaRow['source'], Label>> = {
  appraiser: { zh: '评价人', en: 'Appraiser' },
  part: { zh: '零件', en: 'Part' },
  interaction: { zh: '交互作用', en: 'Appraiser × part' },
  repeatability: { zh: '重复性', en: 'Repeatability' },
  total: { zh: '合计', en: 'Total' },
};

/** AIAG MSA 4th ed.: under 10 % acceptable, 10–30 % may be acceptable, over 30 % not. */
function grrVerdict(pctGrr: number): { text: string; color: string } {
  if (pctGrr < 10) return { text: '可接受 Acceptable (< 10 %)', color: PASS };
  if (pctGrr <= 30) return { text: '有条件接受 Conditionally acceptable (10–30 %)', color: WARN };
  return { text: '不可接受 Unacceptable (> 30 %)', color: FAIL };
}

const letter = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `A${i + 1}`);

export function grrReport(r: Report, input: unknown, result: GrrResult): void {
  const req = parseGrrInput(input);
  const appraisers = req.data.length;
  const trials = req.data[0]?.length ?? 0;
  const parts = req.data[0]?.[0]?.length ?? 0;
  r.section('输入', 'Input');
  r.fields([
    field('分析方法', 'Method', req.method === 'anova' ? '方差分析法 ANOVA' : '均值极差法 Average and range'),
    field('公差', 'Tolerance (USL − LSL)', given(req.tolerance)),
    field('评价人×次数×零件', 'Appraisers × trials × parts', `${appraisers} × ${trials} × ${parts}`),
    field('测量值个数', 'Measurements', String(appraisers * trials * parts)),
  ]);
  r.subheading('测量数据', 'Measurements by appraiser, trial and part');
  for (let from = 0; from < parts; from += 10) {
    const to = Math.min(parts, from + 10);
    const columns: Column[] = [
      { zh: '评价人', en: 'Appraiser', width: 11, align: 'center' },
      { zh: '次数', en: 'Trial', width: 8, align: 'center' },
      ...Array.from({ length: to - from }, (_, j) => ({ zh: `P${from + j + 1}`, width: 8.1, align: 'right' as const })),
    ];
    const rows: Row[] = req.data.flatMap((byTrial, a) => byTrial.map((values, t) => ({ cells: [letter(a), String(t + 1), ...values.slice(from, to).map((v) => given(v))] })));
    r.table(columns, rows, { continued: '测量数据（续） Measurements (continued)', size: 8 });
  }

  r.section('结果', 'Result');
  const verdict = grrVerdict(result.pctGRR);
  r.fields([
    field('%GRR', 'GRR as % of total variation', percent(result.pctGRR), { strong: true, color: verdict.color }),
    field('可区分类别数', 'Number of distinct categories ndc', result.ndc === null ? '∞（GRR = 0）' : String(result.ndc), { strong: true }),
    field('结论', 'Verdict (AIAG MSA)', verdict.text, { color: verdict.color }),
    field('ndc 判定', 'ndc ≥ 5 required', result.ndc === null || result.ndc >= 5 ? '足够 Adequate' : '不足 Inadequate', { color: result.ndc === null || result.ndc >= 5 ? PASS : FAIL }),
    ...(result.interactionP !== undefined
      ? [field('交互作用', 'Appraiser × part interaction', `p = ${sig(result.interactionP, 3)}${result.interactionPooled ? '，已并入重复性 pooled into repeatability (p > 0.25)' : '，显著 significant'}`, { wide: true })]
      : []),
  ]);
  const pctTv = result.pctTotalVariation as unknown as Record<string, number>;
  const pctTol = result.pctTolerance as unknown as Record<string, number> | undefined;
  r.subheading('变差分量', 'Variance components');
  r.table(
    [
      { zh: '分量', en: 'Component', width: 26 },
      { zh: '标准差', en: 'σ', width: 16, align: 'right' },
      { zh: '研究变差', en: 'Study var. 6σ', width: 16, align: 'right' },
      { zh: '%总变差', en: '%TV', width: 14, align: 'right' },
      ...(pctTol ? [{ zh: '%公差', en: '%Tolerance', width: 14, align: 'right' as const }] : []),
    ],
    COMPONENTS.map(([key, zh, en]): Row => ({
      cells: [
        bilingual(zh, en),
        sig(result[key], 5),
        sig(6 * result[key], 5),
        key === 'tv' ? percent(100) : percent(pctTv[key]),
        ...(pctTol ? [key === 'tv' ? '—' : percent(pctTol[key])] : []),
      ],
    })),
  );
  barChart(
    r,
    { zh: '各分量占总变差的百分比', en: 'Components as % of total variation' },
    COMPONENTS.filter(([key]) => key !== 'tv' && (key !== 'interaction' || result.method === 'anova')).map(([key, zh, en]) => ({
      label: `${zh} ${en.split(' ').pop() ?? ''}`,
      value: pctTv[key] ?? 0,
      text: percent(pctTv[key]),
      color: key === 'grr' ? verdict.color : key === 'pv' ? '#7a8ca3' : ACCENT,
    })),
    { max: 100 },
  );
  if (result.anova) {
    r.subheading('方差分析表', 'ANOVA table');
    r.table(
      [
        { zh: '来源', en: 'Source', width: 24 },
        { zh: '自由度', en: 'df', width: 10, align: 'right' },
        { zh: '平方和', en: 'SS', width: 16, align: 'right' },
        { zh: '均方', en: 'MS', width: 16, align: 'right' },
        { zh: 'F', en: 'F', width: 14, align: 'right' },
        { zh: 'p', en: 'p', width: 14, align: 'right' },
      ],
      result.anova.map((row): Row => {
        const s = SOURCES[row.source];
        return { cells: [bilingual(s.zh, s.en), String(row.df), sig(row.ss, 5), row.ms === undefined ? '' : sig(row.ms, 5), row.f === undefined ? '' : sig(row.f, 4), row.p === undefined ? '' : sig(row.p, 3)] };
      }),
    );
  }
  notes(r, [
    'ndc = floor(1.41·PV/GRR)（AIAG 截断取整 truncated）。%GRR < 10 % 可接受，10 %–30 % 视应用而定，> 30 % 不可接受。Under 10 % acceptable; 10–30 % may be acceptable depending on the application; over 30 % unacceptable.',
  ]);
}

// =============================================================================================

const CHARTS: Readonly<Record<ChartKind, { name: Label; location: Label; dispersion?: Label }>> = {
  'xbar-r': { name: { zh: '均值–极差控制图', en: 'Xbar–R chart' }, location: { zh: '均值图', en: 'Xbar chart: subgroup means' }, dispersion: { zh: '极差图', en: 'R chart: subgroup ranges' } },
  'xbar-s': { name: { zh: '均值–标准差控制图', en: 'Xbar–s chart' }, location: { zh: '均值图', en: 'Xbar chart: subgroup means' }, dispersion: { zh: '标准差图', en: 's chart: subgroup standard deviations' } },
  imr: { name: { zh: '单值–移动极差控制图', en: 'I–MR chart' }, location: { zh: '单值图', en: 'I chart: individual values' }, dispersion: { zh: '移动极差图', en: 'MR chart: moving ranges' } },
  p: { name: { zh: '不合格品率控制图', en: 'p chart' }, location: { zh: '不合格品率图', en: 'p chart: fraction nonconforming' } },
  c: { name: { zh: '缺陷数控制图', en: 'c chart' }, location: { zh: '缺陷数图', en: 'c chart: nonconformities per unit' } },
};

const WE_RULES: Readonly<Record<number, Label>> = {
  1: { zh: '1 点超出 3σ 控制限', en: 'one point beyond a 3σ limit' },
  2: { zh: '连续 3 点中 2 点在 2σ 外（同侧）', en: 'two of three beyond 2σ, same side' },
  3: { zh: '连续 5 点中 4 点在 1σ 外（同侧）', en: 'four of five beyond 1σ, same side' },
  4: { zh: '连续 8 点在中心线同侧', en: 'eight in a row on one side of the centre line' },
};

/**
 * Fixed decimals for one chart, from the spread of its limits (about one sixth of it is the
 * chart's σ): points to the second significant digit of σ, limits and centre line one further.
 */
function chartFormat(ucl: number, lcl: number, center: number): { point: (v: number | null | undefined) => string; limit: (v: number | null | undefined) => string } {
  const spread = ucl - lcl > 0 ? ucl - lcl : Math.abs(center) || 1;
  const decimals = Math.min(12, Math.max(0, 1 - Math.floor(Math.log10(spread / 6))));
  const fixed = (d: number) => (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(d));
  return { point: fixed(decimals), limit: fixed(Math.min(12, decimals + 1)) };
}

export function spcReport(r: Report, input: unknown, result: SpcResult): void {
  const req = parseSpcInput(input);
  const chart = CHARTS[result.chart];
  r.section('输入', 'Input');
  const fields: Field[] = [field('控制图', 'Chart', `${chart.name.zh} ${chart.name.en}`, { wide: true })];
  if ('subgroups' in req) {
    const sizes = req.subgroups.map((s) => s.length);
    const lo = Math.min(...sizes);
    const hi = Math.max(...sizes);
    fields.push(field('子组数', 'Subgroups', String(req.subgroups.length)), field('子组大小', 'Subgroup size n', lo === hi ? String(lo) : `${lo}–${hi}`));
  } else {
    fields.push(field('点数', 'Points', String(req.values.length)));
  }
  if (req.chart === 'p') {
    fields.push(field('样本量', 'Sample size n', typeof req.sampleSize === 'number' ? given(req.sampleSize) : `${Math.min(...req.sampleSize)}–${Math.max(...req.sampleSize)}（逐点 per point）`));
  }
  if ('spec' in req && req.spec) {
    fields.push(field('规格下限', 'LSL', given(req.spec.lsl)), field('规格上限', 'USL', given(req.spec.usl)));
  }
  fields.push(field('判异规则', 'Rules', req.rules === 'western-electric' ? '西方电气规则 1–4 Western Electric rules 1–4' : '仅控制限（规则 1） Beyond the limits only (rule 1)', { wide: true }));
  r.fields(fields);

  // Out-of-control points: the location chart's rule violations (rule 1 only without the rules),
  // then the dispersion chart's points beyond its limits.
  const locationRules = new Map<number, Set<number>>();
  const add = (index: number, rule: number) => locationRules.set(index, (locationRules.get(index) ?? new Set()).add(rule));
  if (result.violations) for (const v of result.violations) add(v.index, v.rule);
  else for (const i of result.outOfControl) add(i, 1);
  const dispersion = result.rangeChart ?? result.sChart;
  const dispersionOut = new Set(dispersion?.outOfControl ?? []);
  const loc = chartFormat(result.ucl, result.lcl, result.center);
  const disp = dispersion ? chartFormat(dispersion.ucl, dispersion.lcl, dispersion.center) : loc;

  r.section('结果', 'Result');
  const out: Field[] = [
    field('中心线', `CL (${chart.location.en.split(':')[0]})`, loc.limit(result.center), { strong: true }),
    field('上控制限', result.pointLimits ? 'UCL at the mean sample size' : 'UCL', loc.limit(result.ucl), { strong: true }),
    field('下控制限', result.pointLimits ? 'LCL at the mean sample size' : 'LCL', loc.limit(result.lcl), { strong: true }),
  ];
  if (dispersion && chart.dispersion) {
    const name = chart.dispersion.en.split(':')[0] ?? '';
    out.push(
      field(`${chart.dispersion.zh}中心线`, `CL (${name})`, disp.limit(dispersion.center)),
      field(`${chart.dispersion.zh}上控制限`, `UCL (${name})`, disp.limit(dispersion.ucl)),
      field(`${chart.dispersion.zh}下控制限`, `LCL (${name})`, disp.limit(dispersion.lcl)),
    );
  }
  if (result.sigma !== undefined) out.push(field('组内标准差', 'Within-subgroup σ', sig(result.sigma, 4)));
  if (result.cp !== undefined) out.push(field('过程能力指数', 'Cp = (USL − LSL)/6σ', sig(result.cp, 3), { strong: true }));
  if (result.cpk !== undefined) out.push(field('过程能力指数', 'Cpk = min(USL − μ, μ − LSL)/3σ', sig(result.cpk, 3), { strong: true }));
  const outCount = locationRules.size + dispersionOut.size;
  out.push(field('失控点', 'Out-of-control points', outCount === 0 ? '无 None' : String(outCount), { strong: true, color: outCount === 0 ? PASS : FAIL }));
  r.fields(out);

  controlChart(r, {
    label: { zh: chart.location.zh, en: chart.location.en },
    points: result.points,
    center: result.center,
    ucl: result.ucl,
    lcl: result.lcl,
    ...(result.pointLimits ? { pointLimits: result.pointLimits } : {}),
    flagged: new Set(locationRules.keys()),
    format: loc.limit,
  });
  if (dispersion && chart.dispersion) {
    controlChart(r, {
      label: chart.dispersion,
      points: dispersion.points,
      center: dispersion.center,
      ucl: dispersion.ucl,
      lcl: dispersion.lcl,
      flagged: dispersionOut,
      format: disp.limit,
    });
  }

  r.subheading('失控点', 'Out-of-control points');
  if (outCount === 0) {
    r.paragraph([{ text: '无失控点：过程处于统计控制状态。No point out of control: the process is in statistical control.', size: 9.5, color: PASS }]);
  } else {
    const rows: Row[] = [];
    for (const [index, rules] of [...locationRules.entries()].sort((a, b) => a[0] - b[0])) {
      const sorted = [...rules].sort();
      rows.push({
        cells: [
          String(index + 1),
          bilingual(chart.location.zh, chart.location.en.split(':')[0] ?? ''),
          loc.point(result.points[index]),
          sorted.join(', '),
          lines(...sorted.map((n) => ({ text: `${n}：${WE_RULES[n]?.zh ?? ''} ${WE_RULES[n]?.en ?? ''}`, size: 7.5 }))),
        ],
        highlight: true,
      });
    }
    if (dispersion && chart.dispersion) {
      for (const index of [...dispersionOut].sort((a, b) => a - b)) {
        rows.push({
          cells: [
            String(index + 1),
            bilingual(chart.dispersion.zh, chart.dispersion.en.split(':')[0] ?? ''),
            disp.point(dispersion.points[index]),
            '1',
            lines({ text: `1：超出控制限 beyond a control limit`, size: 7.5 }),
          ],
          highlight: true,
        });
      }
    }
    r.table(
      [
        { zh: '点号', en: 'Point', width: 8, align: 'center' },
        { zh: '控制图', en: 'Chart', width: 16 },
        { zh: '点值', en: 'Value', width: 14, align: 'right' },
        { zh: '规则', en: 'Rules', width: 9, align: 'center' },
        { zh: '说明', en: 'Description', width: 45 },
      ],
      rows,
      { continued: '失控点（续） Out-of-control points (continued)' },
    );
  }

  r.subheading('数据点', 'Plotted points');
  const columns: Column[] = [
    { zh: '点号', en: 'Point', width: 8, align: 'center' },
    { zh: chart.location.zh, en: chart.location.en.split(':')[0] ?? '', width: 18, align: 'right' },
    ...(result.pointLimits ? [{ zh: '下控制限', en: 'LCL', width: 16, align: 'right' as const }, { zh: '上控制限', en: 'UCL', width: 16, align: 'right' as const }] : []),
    ...(dispersion && chart.dispersion ? [{ zh: chart.dispersion.zh, en: chart.dispersion.en.split(':')[0] ?? '', width: 18, align: 'right' as const }] : []),
    { zh: '判异', en: 'Rules', width: 14, align: 'center' },
  ];
  r.table(
    columns,
    result.points.map((p, i): Row => {
      const rules = [...(locationRules.get(i) ?? [])].sort();
      const flags = [...(rules.length ? [rules.join(',')] : []), ...(dispersionOut.has(i) ? [`${(chart.dispersion?.en ?? '').split(' ')[0]} 1`] : [])];
      const limits = result.pointLimits?.[i];
      return {
        cells: [
          String(i + 1),
          loc.point(p),
          ...(result.pointLimits ? [loc.limit(limits?.lcl), loc.limit(limits?.ucl)] : []),
          ...(dispersion && chart.dispersion ? [disp.point(dispersion.points[i])] : []),
          flags.join('；'),
        ],
        highlight: flags.length > 0,
      };
    }),
    { continued: '数据点（续） Plotted points (continued)', size: 8 },
  );
  notes(r, [
    `判异规则 Rules: ${Object.entries(WE_RULES).map(([n, l]) => `${n} ${l.zh}（${l.en}）`).join('；')}。`,
    ...(result.pointLimits ? ['各样本量不同：结果中的控制限对应平均样本量，逐点控制限见数据点表。The sample sizes differ: the limits above are those of the mean sample size; each point has its own in the table of points.'] : []),
    ...(result.cp !== undefined || result.cpk !== undefined ? ['Cp、Cpk 由组内标准差 σ 计算（ISO 22514-2）。Cp and Cpk use the within-subgroup σ.'] : []),
  ]);
}

// =============================================================================================

function notes(r: Report, items: readonly string[]): void {
  const all = [
    ...items,
    '本报告由 Jiliang 计量计算引擎按所列输入计算；Excel 与 JSON 导出含全部数值的完整精度。Computed by the Jiliang metrology engine from the input listed; the Excel and JSON exports carry every value at full precision.',
  ];
  r.section('说明', 'Notes');
  all.forEach((text, i) => r.paragraph([{ text: `${i + 1}. ${text}`, size: 8.5, color: INK }]));
}

export const KIND_REPORTS: Readonly<Record<MetrologyKind, (r: Report, input: unknown, result: never) => void>> = {
  gum: gumReport,
  mcm: mcmReport,
  conformance: conformanceReport,
  interval: intervalReport,
  grr: grrReport,
  spc: spcReport,
};
