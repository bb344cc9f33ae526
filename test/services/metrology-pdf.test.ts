// The PDF report of a metrology calculation (issue 5): every published reference case renders as an
// A4 PDF with the Chinese font embedded, and pdftotext finds the figures the engine computed, in
// the same format as the web pages. pdftotext (poppler-utils) is a hard requirement: .ci/run
// installs it; a missing tool fails the test with the package to install.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MetrologyKind } from '../../src/metrology/index.ts';
import type { GumOutput } from '../../src/metrology/gum/index.ts';
import type { McmOutput } from '../../src/metrology/mcm/index.ts';
import type { ConformanceResult } from '../../src/metrology/decision/index.ts';
import type { GrrResult } from '../../src/metrology/msa/index.ts';
import type { SpcResult } from '../../src/metrology/spc/index.ts';
import { MetrologyService } from '../../src/services/metrology-service.ts';
import { estimate, KIND_TITLES, metrologyReportPdf, sig } from '../../src/services/metrology-pdf/index.ts';
import { loadReferenceCases } from '../support/reference-cases.ts';
import { pdfPages } from '../support/pdf-text.ts';


const service = new MetrologyService();

const squash = (text: string) => text.replace(/\s+/g, '');

function assertWellFormed(pdf: Buffer): void {
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const bytes = pdf.toString('latin1');
  // assert.ok, not assert.match: a failure must not print the whole PDF.
  assert.ok(/%%EOF\s*$/.test(bytes), 'ends with %%EOF');
  assert.ok(/\/FontFile3? /.test(bytes), 'embedded font program');
  assert.ok(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/.test(bytes), 'regular face as a subset');
  assert.ok(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Bold/.test(bytes), 'bold face as a subset');
  assert.ok(/\/MediaBox \[0 0 595\.28 841\.89\]/.test(bytes), 'A4 pages');
  assert.ok(!/\/Subtype \/Image/.test(bytes), 'charts are vectors, not images');
  assert.ok(pdf.length < 400_000, `PDF is ${pdf.length} bytes`);
}

/** The figures of the result that the report must show, formatted as the report (and the web) does. */
function keyFigures(kind: MetrologyKind, result: unknown): string[] {
  switch (kind) {
    case 'gum':
      return Object.values((result as GumOutput).outputs).flatMap((q) => [estimate(q.value, q.u), sig(q.u), sig(q.U), q.k.toFixed(2)]);
    case 'mcm':
      return Object.values((result as McmOutput).outputs).flatMap((q) => [
        sig(q.u),
        `[${estimate(q.interval.symmetric[0], q.u)},${estimate(q.interval.symmetric[1], q.u)}]`,
        `[${estimate(q.interval.shortest[0], q.u)},${estimate(q.interval.shortest[1], q.u)}]`,
        q.validation?.passed ? '通过' : '未通过',
      ]);
    case 'conformance': {
      const r = result as ConformanceResult;
      return [sig(r.pc), sig(r.specificRisk), r.decision === 'accept' ? '接受' : '拒绝'];
    }
    case 'grr': {
      const r = result as GrrResult;
      return [`${r.pctGRR.toFixed(2)}%`, `可区分类别数Numberofdistinctcategoriesndc${r.ndc}`];
    }
    case 'spc': {
      const r = result as SpcResult;
      return [...(r.cp === undefined ? [] : [sig(r.cp, 3)]), ...(r.cpk === undefined ? [] : [sig(r.cpk, 3)])];
    }
    case 'interval':
      return [];
  }
}

describe('every reference case as a PDF report', () => {
  for (const reference of loadReferenceCases()) {
    test(`${reference.kind}: ${reference.name}`, async (t) => {
      const kind = reference.kind as MetrologyKind;
      const result = service.calculate(kind, reference.input);
      const started = performance.now();
      const pdf = await metrologyReportPdf(kind, reference.input, result);
      const ms = performance.now() - started;
      assertWellFormed(pdf);
      const pages = pdfPages(pdf, { raw: true });
      const text = squash(pages.join('\n'));
      const title = KIND_TITLES[kind];
      assert.ok(text.includes(squash(title.zh)), `title ${title.zh}`);
      assert.ok(text.includes(squash(title.en)), `title ${title.en}`);
      for (const figure of keyFigures(kind, result)) assert.ok(text.includes(squash(figure)), `${reference.file} lacks ${figure}`);
      pages.forEach((page, i) => assert.ok(squash(page).includes(`第${i + 1}页共${pages.length}页Page${i + 1}of${pages.length}`), `page ${i + 1} lacks its number`));
      assert.ok(pages.every((p) => squash(p).includes('未记录生成时间')), 'footer note on every page');
      t.diagnostic(`${reference.file}: ${pages.length} pages, ${pdf.length} bytes, ${ms.toFixed(0)} ms`);
    });
  }
});

describe('report contents', () => {
  const [h1] = loadReferenceCases<Record<string, unknown>>('gum');

  test('GUM H.1: the model, every input, the budget with c and %, y, u = 31.66, ν_eff, k, U = 92.48 and the interval', async () => {
    const result = service.calculate('gum', h1!.input) as GumOutput;
    const pdf = await service.reportPdf('gum', h1!.input, result);
    const text = squash(pdfPages(pdf, { raw: true }).join('\n'));
    for (const expected of [
      'l_s+d_bar+d1+d2-l_s*(delta_alpha*(theta_bar+Delta)+alpha_s*delta_theta)',
      '50000838.6', '31.66', '16.75', '2.92', '92.48', '99%',
      'y=50000838.6±92.5（k=2.92,p=99%）',
      '[50000746.1,50000931.1]',
      'delta_theta', '-575.0', '16.60', '27.48%', '62.34%',
      '反正弦Arcsine', 'a=0.5', '矩形Rectangular',
      '各分量对合成方差的贡献',
    ]) {
      assert.ok(text.includes(expected), `H.1 report lacks ${expected}`);
    }
    for (const name of Object.keys(h1!.input.inputs as object)) assert.ok(text.includes(name), `input ${name}`);
  });

  test('the same input gives the same bytes; a generation time is printed and stored when given', async () => {
    const result = service.calculate('gum', h1!.input);
    const a = await metrologyReportPdf('gum', h1!.input, result);
    const b = await metrologyReportPdf('gum', h1!.input, result);
    assert.ok(a.equals(b), 'deterministic');
    assert.ok(a.toString('latin1').includes('(D:19700101000000Z)'), 'no real date without generatedAt');
    const dated = await metrologyReportPdf('gum', h1!.input, result, { generatedAt: '2025-03-14T02:30:00Z' });
    assert.ok(dated.toString('latin1').includes('(D:20250314023000Z)'), 'creation date from generatedAt');
    assert.ok(squash(pdfPages(dated, { raw: true }).join('\n')).includes('2025-03-1410:30（UTC+8）'), 'footer time in China Standard Time');
    await assert.rejects(metrologyReportPdf('gum', h1!.input, result, { generatedAt: 'yesterday' }), /ISO instant/);
  });

  test('several GUM outputs: a budget each, their covariance and correlation', async () => {
    const input = { model: { R: 'V / I', P: 'V * I' }, inputs: { V: { value: 5, u: 0.01 }, I: { value: 0.02, U: 0.0002, k: 2 } }, correlations: [['V', 'I', 0.3]] };
    const result = service.calculate('gum', input) as GumOutput;
    const text = squash(pdfPages(await service.reportPdf('gum', input, result), { raw: true }).join('\n'));
    for (const expected of ['输出量R', '输出量P', 'R=V/I', 'P=V*I', 'r(V,I)=0.3', 'U=0.0002,k=2', '输出量的协方差', '输出量的相关系数', sig(result.correlation!.R!.P!, 4), sig(result.outputs.R!.u), sig(result.outputs.P!.u)]) {
      assert.ok(text.includes(squash(expected)), `multi-output report lacks ${expected}`);
    }
  });

  test('Monte Carlo: mean, u, both intervals, the trials and the verdict against the GUF', async () => {
    const input = { model: 'X1 + X2 + X3 + X4', inputs: { X1: { value: 0, u: 1 }, X2: { value: 0, u: 1 }, X3: { value: 0, u: 1 }, X4: { value: 0, dist: 'rectangular', halfWidth: 17.3205 } }, trials: 50_000, seed: 7 };
    const result = service.calculate('mcm', input) as McmOutput;
    const y = result.outputs.y!;
    const text = squash(pdfPages(await service.reportPdf('mcm', input, result), { raw: true }).join('\n'));
    for (const expected of ['概率对称包含区间', '最短包含区间', '50000', '随机数种子', 'y的模拟分布', estimate(y.value, y.u), sig(y.u), '未通过：应采用蒙特卡洛结果']) {
      assert.ok(text.includes(squash(expected)), `MCM report lacks ${expected}`);
    }
    assert.equal(y.validation?.passed, false, 'a dominant rectangular input fails the GUF (JCGM 101 9.2.4)');
  });

  test('conformance with guard bands and a process: decision, pc, specific risk, guard bands, PFA and PFR', async () => {
    const input = { measured: 9.8, u: 0.1, lower: 9, upper: 10, rule: 'guarded', k: 2, process: { mean: 9.5, sd: 0.3 } };
    const result = service.calculate('conformance', input) as ConformanceResult;
    const text = squash(pdfPages(await service.reportPdf('conformance', input, result), { raw: true }).join('\n'));
    for (const expected of ['接受（符合）Accept', '0.9772', '0.02275', '[9.2,9.8]', 'w=AL−TL', '0.2', '全局误收风险', sig(result.globalPFA), sig(result.globalPFR), '保护带法']) {
      assert.ok(text.includes(squash(expected)), `conformance report lacks ${expected}`);
    }
  });

  test('calibration interval, method A3: the recommendation and the interval test', async () => {
    const input = { history: [...Array(12).fill({ intervalDays: 365, inTolerance: true }), { intervalDays: 370, inTolerance: true }], reliabilityTarget: 0.85 };
    const result = service.calculate('interval', input) as { recommendedIntervalDays: number; rejectionConfidence: number; action: string };
    assert.equal(result.action, 'lengthen');
    const text = squash(pdfPages(await service.reportPdf('interval', input, result), { raw: true }).join('\n'));
    for (const expected of ['校准间隔分析报告', `${result.recommendedIntervalDays}天days`, '延长Lengthen', 'A3区间检验', '1.000（13/13）', sig(result.rejectionConfidence), 'Clopper–Pearson', '13次，其中13次在容差内']) {
      assert.ok(text.includes(squash(expected)), `interval report lacks ${expected}`);
    }
  });

  test('calibration interval, method A1: the staircase step', async () => {
    const input = { method: 'A1', history: [{ intervalDays: 180, inTolerance: true }, { intervalDays: 180, inTolerance: false }], reliabilityTarget: 0.9 };
    const result = service.calculate('interval', input) as { recommendedIntervalDays: number };
    const text = squash(pdfPages(await service.reportPdf('interval', input, result), { raw: true }).join('\n'));
    for (const expected of ['A1简单响应法', '缩短Shorten', `${result.recommendedIntervalDays}天days`, '超差Outoftolerance']) {
      assert.ok(text.includes(squash(expected)), `A1 report lacks ${expected}`);
    }
  });

  test('gauge R&R, ANOVA: %GRR, ndc, the components and the ANOVA table', async () => {
    const [, anova] = loadReferenceCases('grr');
    const result = service.calculate('grr', anova!.input) as GrrResult;
    const text = squash(pdfPages(await service.reportPdf('grr', anova!.input, result), { raw: true }).join('\n'));
    for (const expected of ['方差分析法ANOVA', '27.86%', '有条件接受', '方差分析表', 'Appraiser×part', '重复性RepeatabilityEV', '3×3×10', '2.26', '-1.36', '各分量占总变差的百分比']) {
      assert.ok(text.includes(squash(expected)), `GRR report lacks ${expected}`);
    }
    assert.equal(result.ndc, 4);
  });

  test('SPC: limits, Cp/Cpk, the control charts and the out-of-control points with their rule numbers', async () => {
    const input = { chart: 'imr', values: [10, 11, 10.5, 12, 9, 15, 10, 10.2, 10.1, 10.3, 10.4, 10.6, 10.7, 10.8, 10.9, 11], spec: { lsl: 5, usl: 16 }, rules: 'western-electric' };
    const result = service.calculate('spc', input) as SpcResult;
    assert.deepEqual(result.violations, [{ rule: 1, index: 5 }]);
    assert.deepEqual(result.rangeChart?.outOfControl, [5, 6]);
    const text = squash(pdfPages(await service.reportPdf('spc', input, result), { raw: true }).join('\n'));
    for (const expected of ['单值–移动极差控制图I–MRchart', 'UCL14.01', 'CL10.78', 'LCL7.55', '1.70', '1.62', '失控点', '1：1点超出3σ控制限', '1：超出控制限', '西方电气规则1–4']) {
      assert.ok(text.includes(squash(expected)), `SPC report lacks ${expected}`);
    }
    // Point 6 on the I chart (rule 1), points 6 and 7 on the MR chart: three rows of the out-of-control table.
    assert.equal((text.match(/超出控制限beyondacontrollimit/g) ?? []).length, 2);
  });

  test('the piston-ring X̄–R case: centre line and limits as on the SPC page', async () => {
    const [piston] = loadReferenceCases('spc');
    const result = service.calculate('spc', piston!.input) as SpcResult;
    const text = squash(pdfPages(await service.reportPdf('spc', piston!.input, result), { raw: true }).join('\n'));
    for (const expected of ['74.00118', '74.01431', '73.98804', '无失控点', '均值图', '极差图']) assert.ok(text.includes(expected), `piston report lacks ${expected}`);
  });

  test('bad input is refused before anything is drawn', async () => {
    await assert.rejects(service.reportPdf('gum', { model: 'a +', inputs: { a: { value: 1, u: 1 } } }), (error: Error & { code?: string }) => error.code === 'JL_ERR_VALIDATION');
  });
});
