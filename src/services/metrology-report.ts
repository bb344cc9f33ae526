// The Excel workbook of one metrology calculation (`POST /api/v1/metrology/<kind>/report.xlsx`,
// `jiliang metrology <kind> --xlsx`): every leaf of the result and of the input as (JSON path, value)
// rows, plus a table per kind — the uncertainty budget (gum), the control-chart points (spc) and
// the variance components (grr). Numbers stay numbers in the cells.
import type { MetrologyKind } from '../metrology/index.ts';
import { writeTable, type Cell, type SheetSpec } from './import/spreadsheet.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** One (path, value) row per leaf; empty arrays and objects keep a row with an empty value. */
export function leafRows(value: unknown, path = '', rows: [string, Cell][] = []): [string, Cell][] {
  if (Array.isArray(value)) {
    if (value.length === 0) rows.push([path, null]);
    value.forEach((item, i) => leafRows(item, `${path}[${i}]`, rows));
  } else if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) rows.push([path, null]);
    for (const [key, item] of entries) leafRows(item, path ? `${path}.${key}` : key, rows);
  } else if (typeof value === 'number') {
    rows.push([path, Number.isFinite(value) ? value : String(value)]);
  } else if (typeof value === 'string' || typeof value === 'boolean') {
    rows.push([path, value]);
  } else {
    rows.push([path, null]);
  }
  return rows;
}

function leafSheet(name: string, value: unknown): SheetSpec {
  return { name, columns: [{ header: 'JSON 路径 Path', width: 40 }, { header: '值 Value', width: 24 }], rows: leafRows(value) };
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
function sheetName(text: string): string {
  return text.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
}

function gumSheets(result: unknown): SheetSpec[] {
  const outputs = isObject(result) && isObject(result.outputs) ? Object.entries(result.outputs) : [];
  return outputs.map(([output, q]) => ({
    name: sheetName(outputs.length === 1 ? '不确定度分量 Budget' : `不确定度分量 ${output}`),
    columns: [
      { header: '输入量', width: 18 },
      { header: '灵敏系数', width: 18 },
      { header: '不确定度分量', width: 18 },
      { header: '占比 (%)', width: 12 },
      { header: '标准不确定度 u(xᵢ)', width: 18 },
      { header: '自由度', width: 12 },
    ],
    rows: (isObject(q) && Array.isArray(q.budget) ? q.budget : []).filter(isObject).map((b) => [
      String(b.input ?? ''),
      num(b.sensitivity),
      num(b.contribution),
      num(b.percent),
      num(b.u),
      num(b.dof),
    ]),
  }));
}

function spcSheets(result: unknown): SheetSpec[] {
  if (!isObject(result) || !Array.isArray(result.points)) return [];
  const points = result.points as unknown[];
  const pointLimits = Array.isArray(result.pointLimits) ? (result.pointLimits as unknown[]) : [];
  const out = new Set(Array.isArray(result.outOfControl) ? (result.outOfControl as unknown[]) : []);
  const dispersion = isObject(result.rangeChart) ? result.rangeChart : isObject(result.sChart) ? result.sChart : undefined;
  const dPoints = dispersion && Array.isArray(dispersion.points) ? (dispersion.points as unknown[]) : [];
  const dLabel = isObject(result.sChart) ? 's' : 'R';
  const columns: SheetSpec['columns'] = [
    { header: '序号 #', width: 8 },
    { header: '点值 Point', width: 16 },
    { header: '中心线 CL', width: 16 },
    { header: '上控制限 UCL', width: 16 },
    { header: '下控制限 LCL', width: 16 },
    { header: '超限 Out', width: 10 },
    ...(dispersion
      ? [
          { header: `${dLabel} 点值`, width: 14 },
          { header: `${dLabel} 中心线 CL`, width: 14 },
          { header: `${dLabel} 上控制限 UCL`, width: 16 },
          { header: `${dLabel} 下控制限 LCL`, width: 16 },
        ]
      : []),
  ];
  const rows = points.map((p, i): Cell[] => {
    const limits = isObject(pointLimits[i]) ? pointLimits[i] : result;
    return [
      i + 1,
      num(p),
      num(result.center),
      num(limits.ucl),
      num(limits.lcl),
      out.has(i),
      ...(dispersion ? [num(dPoints[i]), num(dispersion.center), num(dispersion.ucl), num(dispersion.lcl)] : []),
    ];
  });
  return [{ name: '控制图 Points', columns, rows }];
}

const GRR_COMPONENTS: readonly [string, string][] = [
  ['ev', '重复性 EV'],
  ['av', '再现性 AV'],
  ['interaction', '交互作用 Interaction'],
  ['grr', '测量系统 GRR'],
  ['pv', '零件间 PV'],
  ['tv', '总变差 TV'],
];

function grrSheets(result: unknown): SheetSpec[] {
  if (!isObject(result)) return [];
  const pctTv = isObject(result.pctTotalVariation) ? result.pctTotalVariation : {};
  const pctTol = isObject(result.pctTolerance) ? result.pctTolerance : undefined;
  const sheets: SheetSpec[] = [
    {
      name: '变差分量 Components',
      columns: [
        { header: '分量 Component', width: 22 },
        { header: '标准差 σ', width: 16 },
        { header: '%总变差 %TV', width: 16 },
        ...(pctTol ? [{ header: '%公差 %Tolerance', width: 16 }] : []),
      ],
      rows: GRR_COMPONENTS.map(([key, label]) => [
        label,
        num(result[key]),
        key === 'tv' ? 100 : num(pctTv[key]),
        ...(pctTol ? [key === 'tv' ? null : num(pctTol[key])] : []),
      ]),
    },
  ];
  if (Array.isArray(result.anova)) {
    sheets.push({
      name: '方差分析 ANOVA',
      columns: ['来源 Source', '自由度 df', 'SS', 'MS', 'F', 'p'].map((header) => ({ header })),
      rows: result.anova.filter(isObject).map((r) => [String(r.source ?? ''), num(r.df), num(r.ss), num(r.ms), num(r.f), num(r.p)]),
    });
  }
  return sheets;
}

const KIND_SHEETS: Partial<Record<MetrologyKind, (result: unknown) => SheetSpec[]>> = {
  gum: gumSheets,
  spc: spcSheets,
  grr: grrSheets,
};

/** The .xlsx bytes: 结果 Result, 输入 Input, then the kind's own tables. */
export function metrologyWorkbook(kind: MetrologyKind, input: unknown, result: unknown): Promise<Buffer> {
  return writeTable('xlsx', [leafSheet('结果 Result', result), leafSheet('输入 Input', input), ...(KIND_SHEETS[kind]?.(result) ?? [])]);
}
