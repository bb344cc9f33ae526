// The report's charts, drawn with pdfkit's vector primitives (no raster images): a horizontal bar
// chart (GUM contributions, gauge R&R components), the Monte Carlo histogram with its coverage
// intervals, a Shewhart control chart with its limits, and the conformity picture (tolerance,
// acceptance zone and the measurement's normal PDF).
import type { Histogram } from '../../metrology/mcm/index.ts';
import { tickLabel, ticks } from './format.ts';
import { ACCENT, ACCENT_LIGHT, CW, FAIL, INK, LIGHT_RULE, MUTED, MX, PAGE_W, PASS, type Label, type Report } from './layout.ts';

const AXIS = '#8a8a8a';

function caption(r: Report, label: Label): void {
  const y = r.y;
  r.label(label.zh, MX, y, 9, { bold: true });
  r.label(label.en, MX + r.textWidth(label.zh, 9, true) + 6, y + 1.5, 7, { color: MUTED });
  r.y = y + 15;
}

function short(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function dashed(doc: PDFKit.PDFDocument, x1: number, y1: number, x2: number, y2: number, color: string, dash: number | null, width = 0.8): void {
  doc.save().moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(color);
  if (dash) doc.dash(dash, { space: dash * 0.7 });
  doc.stroke().undash().restore();
}

function xAxis(r: Report, lo: number, hi: number, sx: (v: number) => number, y: number, count = 6): void {
  const { values, step } = ticks(lo, hi, count);
  for (const v of values) {
    const x = sx(v);
    dashed(r.doc, x, y, x, y + 3, AXIS, null, 0.5);
    r.label(tickLabel(v, step), x, y + 4.5, 6.5, { color: MUTED, align: 'center', width: 60 });
  }
}

// ---------------------------------------------------------------------------------------------

export interface Bar {
  readonly label: string;
  /** Bar length in the chart's unit (≥ 0). */
  readonly value: number;
  /** What is printed after the bar. */
  readonly text: string;
  readonly color?: string;
}

const MAX_BARS = 40;

/** Horizontal bars, largest first as given; at most 40 (the rest counted in a note). */
export function barChart(r: Report, label: Label, bars: readonly Bar[], options: { max?: number } = {}): void {
  const shown = bars.slice(0, MAX_BARS);
  if (shown.length === 0) return;
  const rowH = 13;
  const omitted = bars.length - shown.length;
  r.ensure(17 + shown.length * rowH + (omitted > 0 ? 12 : 0) + 10);
  caption(r, label);
  const doc = r.doc;
  const labels = shown.map((b) => short(b.label, 28));
  const labelW = Math.min(130, Math.max(40, ...labels.map((l) => r.textWidth(l, 7.5) + 6)));
  const valueW = 62;
  const x0 = MX + labelW + 4;
  const barW = CW - labelW - 4 - valueW;
  const top = options.max ?? Math.max(...shown.map((b) => (Number.isFinite(b.value) ? b.value : 0)), 0);
  const scale = top > 0 ? barW / top : 0;
  let y = r.y;
  for (const bar of shown) {
    const w = Math.max(0, Math.min(barW, (Number.isFinite(bar.value) ? bar.value : 0) * scale));
    const i = shown.indexOf(bar);
    r.label(labels[i] ?? '', x0 - 4, y + 2.5, 7.5, { align: 'right', width: labelW });
    if (w > 0) doc.save().rect(x0, y + 2, w, rowH - 4).fillColor(bar.color ?? ACCENT).fill().restore();
    r.label(bar.text, x0 + w + 3, y + 2.5, 7.5, { color: INK });
    y += rowH;
  }
  dashed(doc, x0, r.y, x0, y, AXIS, null, 0.6);
  r.y = y + 2;
  if (omitted > 0) {
    r.label(`其余 ${omitted} 项从略 / ${omitted} more not shown`, x0, r.y, 7, { color: MUTED });
    r.y += 12;
  }
  r.y += 8;
}

// ---------------------------------------------------------------------------------------------

export interface Marker {
  readonly label: string;
  readonly lo: number;
  readonly hi: number;
  readonly color: string;
  readonly dash?: number;
}

/** The histogram of the trials, with vertical lines at the end-points of each marked interval. */
export function histogramChart(r: Report, label: Label, hist: Histogram, markers: readonly Marker[], mean?: number): void {
  const counts = hist.counts;
  if (counts.length === 0) return;
  const plotH = 140;
  const legendH = 11 * markers.length + (mean === undefined ? 0 : 11);
  r.ensure(17 + 10 + plotH + 20 + legendH + 8);
  caption(r, label);
  const doc = r.doc;
  const left = MX + 8;
  const right = PAGE_W - MX - 8;
  const top = r.y + 10;
  const bottom = top + plotH;
  const upperEdge = hist.lower + hist.binWidth * counts.length;
  const finite = [hist.lower, upperEdge, ...markers.flatMap((m) => [m.lo, m.hi]), ...(mean === undefined ? [] : [mean])].filter(Number.isFinite);
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (!(hi > lo)) {
    const d = Math.abs(lo) * 0.01 || 1;
    lo -= d;
    hi += d;
  }
  const pad = (hi - lo) * 0.03;
  lo -= pad;
  hi += pad;
  const sx = (v: number) => left + ((v - lo) / (hi - lo)) * (right - left);
  const peak = Math.max(...counts, 1);
  r.label(`频数 Count (最大 max ${peak})`, left, top - 10, 6.5, { color: MUTED });
  const bw = hist.binWidth > 0 ? hist.binWidth : (hi - lo) / 50;
  counts.forEach((n, k) => {
    if (n <= 0) return;
    const x1 = sx(hist.lower + k * bw);
    const x2 = sx(hist.lower + (k + 1) * bw);
    const h = (n / peak) * (plotH - 4);
    doc.save().rect(x1, bottom - h, Math.max(0.3, x2 - x1), h).fillColor(ACCENT_LIGHT).fill().restore();
    if (x2 - x1 > 3) doc.save().rect(x1, bottom - h, x2 - x1, h).lineWidth(0.3).strokeColor('#ffffff').stroke().restore();
  });
  dashed(doc, left, bottom, right, bottom, AXIS, null, 0.6);
  for (const m of markers) {
    for (const v of [m.lo, m.hi]) if (Number.isFinite(v)) dashed(doc, sx(v), top, sx(v), bottom, m.color, m.dash ?? null, 1);
  }
  if (mean !== undefined && Number.isFinite(mean)) dashed(doc, sx(mean), top, sx(mean), bottom, INK, null, 0.6);
  xAxis(r, lo, hi, sx, bottom, 7);
  let y = bottom + 18;
  for (const m of markers) {
    dashed(doc, left, y + 4, left + 18, y + 4, m.color, m.dash ?? null, 1.2);
    r.label(m.label, left + 24, y, 7.5);
    y += 11;
  }
  if (mean !== undefined) {
    dashed(doc, left, y + 4, left + 18, y + 4, INK, null, 0.6);
    r.label('平均值 Mean', left + 24, y, 7.5);
    y += 11;
  }
  r.y = y + 8;
}

// ---------------------------------------------------------------------------------------------

export interface ControlChartSpec {
  readonly label: Label;
  readonly points: readonly (number | null)[];
  readonly center: number;
  readonly ucl: number;
  readonly lcl: number;
  /** Limits that vary per point (p chart with unequal samples). */
  readonly pointLimits?: readonly { readonly lcl: number; readonly ucl: number }[];
  /** 0-based indices drawn in red. */
  readonly flagged: ReadonlySet<number>;
  readonly format: (value: number) => string;
}

/** A Shewhart chart: the points joined in order, the centre line and the control limits. */
export function controlChart(r: Report, spec: ControlChartSpec): void {
  const n = spec.points.length;
  if (n === 0) return;
  const plotH = 125;
  r.ensure(17 + 6 + plotH + 18 + 8);
  caption(r, spec.label);
  const doc = r.doc;
  const left = MX + 4;
  const right = PAGE_W - MX - 82;
  const top = r.y + 6;
  const bottom = top + plotH;
  const values = [
    spec.center, spec.ucl, spec.lcl,
    ...spec.points.filter((p): p is number => p !== null && Number.isFinite(p)),
    ...(spec.pointLimits ?? []).flatMap((l) => [l.lcl, l.ucl]),
  ].filter(Number.isFinite);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!(hi > lo)) {
    const d = Math.abs(lo) * 0.01 || 1;
    lo -= d;
    hi += d;
  }
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  const sy = (v: number) => bottom - ((v - lo) / (hi - lo)) * plotH;
  const step = (right - left) / n;
  const sx = (i: number) => left + (i + 0.5) * step;

  doc.save().rect(left, top, right - left, plotH).lineWidth(0.5).strokeColor(LIGHT_RULE).stroke().restore();
  // Centre line and limits, stepped where they vary per point.
  dashed(doc, left, sy(spec.center), right, sy(spec.center), PASS, null, 0.9);
  if (spec.pointLimits && spec.pointLimits.length === n) {
    for (const key of ['ucl', 'lcl'] as const) {
      doc.save().lineWidth(0.8).strokeColor(FAIL).dash(3, { space: 2 });
      spec.pointLimits.forEach((l, i) => {
        const y = sy(l[key]);
        if (i === 0) doc.moveTo(left, y);
        else doc.lineTo(left + i * step, y);
        doc.lineTo(left + (i + 1) * step, y);
      });
      doc.stroke().undash().restore();
    }
  } else {
    dashed(doc, left, sy(spec.ucl), right, sy(spec.ucl), FAIL, 3);
    dashed(doc, left, sy(spec.lcl), right, sy(spec.lcl), FAIL, 3);
  }
  const limitLabels: [string, number, string][] = [
    [`UCL ${spec.format(spec.ucl)}`, spec.ucl, FAIL],
    [`CL ${spec.format(spec.center)}`, spec.center, PASS],
    [`LCL ${spec.format(spec.lcl)}`, spec.lcl, FAIL],
  ];
  let lastY = -Infinity;
  for (const [text, v, color] of limitLabels.sort((a, b) => sy(a[1]) - sy(b[1]))) {
    const y = Math.max(sy(v) - 4, lastY + 9);
    r.label(text, right + 4, y, 7, { color });
    lastY = y;
  }

  // The points, joined in order (a missing point breaks the line).
  doc.save().lineWidth(0.8).strokeColor(ACCENT);
  let pen = false;
  spec.points.forEach((p, i) => {
    if (p === null || !Number.isFinite(p)) {
      pen = false;
      return;
    }
    if (pen) doc.lineTo(sx(i), sy(p));
    else doc.moveTo(sx(i), sy(p));
    pen = true;
  });
  doc.stroke().restore();
  spec.points.forEach((p, i) => {
    if (p === null || !Number.isFinite(p)) return;
    const bad = spec.flagged.has(i);
    doc.save().circle(sx(i), sy(p), bad ? 2.6 : Math.min(1.8, step / 3)).fillColor(bad ? FAIL : ACCENT).fill().restore();
  });

  // Point numbers along the bottom.
  const every = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000].find((k) => n / k <= 25) ?? Math.ceil(n / 25);
  for (let i = 0; i < n; i++) {
    const number = i + 1;
    if (number !== 1 && number % every !== 0) continue;
    dashed(doc, sx(i), bottom, sx(i), bottom + 2.5, AXIS, null, 0.5);
    r.label(String(number), sx(i), bottom + 3.5, 6.5, { color: MUTED, align: 'center', width: 30 });
  }
  r.y = bottom + 18 + 8;
}

// ---------------------------------------------------------------------------------------------

export interface ConformanceChartSpec {
  readonly measured: number;
  readonly u: number;
  readonly lower?: number;
  readonly upper?: number;
  readonly acceptLower: number | null;
  readonly acceptUpper: number | null;
  readonly format: (value: number) => string;
}

/** The tolerance interval (shaded), the acceptance limits (dashed) and N(measured, u²). */
export function conformanceChart(r: Report, label: Label, spec: ConformanceChartSpec): void {
  const plotH = 92;
  r.ensure(17 + 12 + plotH + 18 + 4 * 11 + 8);
  caption(r, label);
  const doc = r.doc;
  const left = MX + 8;
  const right = PAGE_W - MX - 8;
  const top = r.y + 12;
  const bottom = top + plotH;
  const { measured: y0, u } = spec;
  const finite = [y0 - 4 * u, y0 + 4 * u, spec.lower, spec.upper, spec.acceptLower, spec.acceptUpper].filter(
    (v): v is number => typeof v === 'number' && Number.isFinite(v),
  );
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  const pad = (hi - lo) * 0.06 || 1;
  lo -= pad;
  hi += pad;
  const sx = (v: number) => left + ((v - lo) / (hi - lo)) * (right - left);

  const zoneL = spec.lower ?? lo;
  const zoneR = spec.upper ?? hi;
  doc.save().rect(sx(zoneL), top, sx(zoneR) - sx(zoneL), plotH).fillColor('#e8f3e8').fill().restore();
  // The measurement's PDF, peak at 85 % of the plot height.
  doc.save().lineWidth(1).strokeColor(ACCENT).fillColor(ACCENT).fillOpacity(0.12);
  const steps = 160;
  doc.moveTo(sx(lo), bottom);
  for (let i = 0; i <= steps; i++) {
    const v = lo + ((hi - lo) * i) / steps;
    const z = (v - y0) / u;
    doc.lineTo(sx(v), bottom - Math.exp(-0.5 * z * z) * plotH * 0.85);
  }
  doc.lineTo(sx(hi), bottom).fillAndStroke().restore();
  doc.fillOpacity(1);
  dashed(doc, left, bottom, right, bottom, AXIS, null, 0.6);

  // Tolerance limits labelled above the plot, acceptance limits inside it near the axis (on the
  // inner side, so a limit that coincides with its tolerance limit stays readable).
  const marks: { v: number | null | undefined; text: string; color: string; dash: number | null; at: 'above' | 'right' | 'left' }[] = [
    { v: spec.lower, text: 'TL', color: PASS, dash: null, at: 'above' },
    { v: spec.upper, text: 'TU', color: PASS, dash: null, at: 'above' },
    { v: spec.acceptLower, text: 'AL', color: ACCENT, dash: 3, at: 'right' },
    { v: spec.acceptUpper, text: 'AU', color: ACCENT, dash: 3, at: 'left' },
  ];
  for (const m of marks) {
    if (m.v === null || m.v === undefined || !Number.isFinite(m.v)) continue;
    const x = sx(m.v);
    dashed(doc, x, top, x, bottom, m.color, m.dash, 1);
    if (m.at === 'above') r.label(m.text, x, top - 9, 7, { color: m.color, align: 'center', width: 20 });
    else r.label(m.text, m.at === 'right' ? x + 2 : x - 2, bottom - 10, 7, { color: m.color, align: m.at === 'right' ? 'left' : 'right', width: 14 });
  }
  dashed(doc, sx(y0), top, sx(y0), bottom, INK, null, 1.2);
  r.label('y', sx(y0) + 3, top + 1, 7.5, { bold: true });
  xAxis(r, lo, hi, sx, bottom, 7);

  let y = bottom + 18;
  const legend: [string, string, number | null][] = [
    [`容差限 Tolerance limits TL/TU: ${spec.lower === undefined ? '—' : spec.format(spec.lower)} / ${spec.upper === undefined ? '—' : spec.format(spec.upper)}`, PASS, null],
    [`接受限 Acceptance limits AL/AU: ${spec.acceptLower === null ? '—' : spec.format(spec.acceptLower)} / ${spec.acceptUpper === null ? '—' : spec.format(spec.acceptUpper)}`, ACCENT, 3],
    [`测得值 Measured y = ${spec.format(y0)}；曲线 curve: N(y, u²), u = ${spec.format(u)}`, INK, null],
  ];
  for (const [text, color, dash] of legend) {
    dashed(doc, left, y + 4, left + 18, y + 4, color, dash, 1.2);
    r.label(text, left + 24, y, 7.5);
    y += 11;
  }
  r.y = y + 8;
}
