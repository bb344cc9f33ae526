// POST /api/v1/metrology/<kind>: the same engine as the CLI, with problem JSON for bad input.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { openTestContext } from '../support/dialects.ts';
import { postJson, testApp } from '../support/http.ts';
import type { AppContext } from '../../src/services/context.ts';

const h1 = JSON.parse(readFileSync(new URL('../../../shared/testdata/metrology/01-gum-gum-h-1-end-gauge-calibration--first-ord.json', import.meta.url), 'utf8'));

let ctx: AppContext;
let app: FastifyInstance;
before(async () => {
  ctx = await openTestContext('sqlite');
  app = await testApp(ctx);
});
after(async () => {
  await app.close();
  await ctx.close();
});

test('GUM H.1 over HTTP: u ≈ 32 nm, U99 ≈ 93 nm, with a budget per input', async () => {
  const response = await postJson(app, '/api/v1/metrology/gum', h1.input);
  assert.equal(response.statusCode, 200, response.body);
  const y = response.json().outputs.y;
  assert.equal(Math.round(y.u), 32);
  assert.ok(Math.abs(y.U - 92.5) < 0.5);
  assert.equal(y.budget.length, Object.keys(h1.input.inputs).length);
  const deltaTheta = y.budget.find((b: { input: string }) => b.input === 'delta_theta');
  assert.ok(Math.abs(deltaTheta.sensitivity - -575.007) < 0.01);
});

test('a bad model gets 422 with the pointer and the engine\'s detail', async () => {
  const response = await postJson(app, '/api/v1/metrology/gum', { ...h1.input, model: 'l_s + (d_bar' }, { 'accept-language': 'en' });
  assert.equal(response.statusCode, 422);
  const problem = response.json();
  assert.equal(problem.code, 'JL_ERR_VALIDATION');
  assert.equal(problem.errors[0].pointer, '/model');
  assert.equal(problem.errors[0].code, 'invalid_format');
  assert.ok(problem.errors[0].detail.length > 0);
});

test("each problem names its kind, so it reads in both languages; the engine's English gives the specifics", async () => {
  const { model: _model, ...withoutModel } = h1.input as Record<string, unknown>;
  const response = await postJson(app, '/api/v1/metrology/gum', { ...withoutModel, p: 1.5, colour: 'red', order: 3 });
  assert.equal(response.statusCode, 422);
  const byPointer = Object.fromEntries(
    (response.json().errors as { pointer: string; code: string; zh: string; en: string; detail: string }[]).map((e) => [e.pointer, e]),
  );
  assert.deepEqual(
    Object.fromEntries(Object.entries(byPointer).map(([pointer, e]) => [pointer, e.code])),
    { '/model': 'required', '/p': 'out_of_range', '/colour': 'unknown_field', '/order': 'not_in_list' },
  );
  assert.equal(byPointer['/colour']!.zh, '不允许的字段');
  assert.equal(byPointer['/p']!.en, 'The value is out of range');
  assert.match(byPointer['/p']!.detail, /coverage probability/);
});

test('an unknown kind gets 422 on the path parameter', async () => {
  const response = await postJson(app, '/api/v1/metrology/astrology', {});
  assert.equal(response.statusCode, 422);
  assert.equal(response.json().errors[0].pointer, '/params/kind');
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function openWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The sheet's rows below the header, as plain cell values. */
function bodyRows(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return rows;
}

test('GUM H.1 report.xlsx: result and input leaves, and a budget row per input with numeric cells', async () => {
  const response = await postJson(app, '/api/v1/metrology/gum/report.xlsx', h1.input);
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.headers['content-type'], XLSX);
  assert.equal(response.headers['content-disposition'], 'attachment; filename="jiliang-gum-result.xlsx"');
  const workbook = await openWorkbook(response.rawPayload);
  assert.deepEqual(workbook.worksheets.map((s) => s.name), ['结果 Result', '输入 Input', '不确定度分量 Budget']);

  const result = bodyRows(workbook.getWorksheet('结果 Result')!);
  const u = result.find(([path]) => path === 'outputs.y.u');
  assert.ok(u && typeof u[1] === 'number' && Math.round(u[1]) === 32, `outputs.y.u: ${JSON.stringify(u)}`);
  const model = bodyRows(workbook.getWorksheet('输入 Input')!).find(([path]) => path === 'model');
  assert.equal(model?.[1], h1.input.model);

  const budgetSheet = workbook.getWorksheet('不确定度分量 Budget')!;
  assert.deepEqual((budgetSheet.getRow(1).values as string[]).slice(1, 5), ['输入量', '灵敏系数', '不确定度分量', '占比 (%)']);
  assert.equal(budgetSheet.getRow(1).font?.bold, true);
  const budget = bodyRows(budgetSheet);
  assert.equal(budget.length, Object.keys(h1.input.inputs).length);
  const deltaTheta = budget.find(([input]) => input === 'delta_theta')!;
  assert.equal(typeof deltaTheta[1], 'number');
  assert.ok(Math.abs((deltaTheta[1] as number) - -575.007) < 0.01, String(deltaTheta[1]));
  const percents = budget.map((row) => row[3] as number);
  assert.ok(percents.every((p) => typeof p === 'number' && p >= 0));
});

test('report.xlsx of bad input gets the same 422 as the calculation', async () => {
  const body = { ...h1.input, model: 'l_s + (d_bar' };
  const calc = await postJson(app, '/api/v1/metrology/gum', body, { 'accept-language': 'en' });
  const report = await postJson(app, '/api/v1/metrology/gum/report.xlsx', body, { 'accept-language': 'en' });
  assert.equal(report.statusCode, 422);
  assert.match(String(report.headers['content-type']), /application\/problem\+json/);
  assert.deepEqual(report.json().errors, calc.json().errors);
  assert.equal(report.json().code, 'JL_ERR_VALIDATION');
  const unknown = await postJson(app, '/api/v1/metrology/astrology/report.xlsx', {});
  assert.equal(unknown.statusCode, 422);
});

test('SPC and GRR reports carry their points and components tables', async () => {
  const load = (name: string) => JSON.parse(readFileSync(new URL(`../../../shared/testdata/metrology/${name}`, import.meta.url), 'utf8'));
  const spc = load('10-spc-piston-ring-inside-diameter--x-bar-and-r.json');
  const spcBook = await openWorkbook((await postJson(app, '/api/v1/metrology/spc/report.xlsx', spc.input)).rawPayload);
  const points = bodyRows(spcBook.getWorksheet('控制图 Points')!);
  assert.equal(points.length, spc.input.subgroups.length);
  assert.ok(points.every((row) => typeof row[1] === 'number' && typeof row[3] === 'number' && typeof row[4] === 'number'));

  const grr = load('08-grr-aiag-msa-4th-ed--example--average-and-ra.json');
  const grrBook = await openWorkbook((await postJson(app, '/api/v1/metrology/grr/report.xlsx', grr.input)).rawPayload);
  const components = bodyRows(grrBook.getWorksheet('变差分量 Components')!);
  assert.equal(components.length, 6);
  assert.ok(Math.abs((components[3]![2] as number) - 26.68) < 0.01);
});

test('GUM H.1 report.pdf: an A4 PDF with the Chinese font embedded', async () => {
  const response = await postJson(app, '/api/v1/metrology/gum/report.pdf', h1.input);
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.headers['content-type'], 'application/pdf');
  assert.equal(response.headers['content-disposition'], 'attachment; filename="jiliang-gum-result.pdf"');
  const pdf = response.rawPayload;
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/.test(pdf.toString('latin1')), 'font subset');
  const again = await postJson(app, '/api/v1/metrology/gum/report.pdf', h1.input);
  assert.ok(again.rawPayload.equals(pdf), 'the same body gives the same bytes');
});

test('report.pdf of bad input gets the same 422 problem as the calculation', async () => {
  const body = { ...h1.input, model: 'l_s + (d_bar' };
  const calc = await postJson(app, '/api/v1/metrology/gum', body, { 'accept-language': 'en' });
  const report = await postJson(app, '/api/v1/metrology/gum/report.pdf', body, { 'accept-language': 'en' });
  assert.equal(report.statusCode, 422);
  assert.match(String(report.headers['content-type']), /application\/problem\+json/);
  assert.equal(report.json().code, 'JL_ERR_VALIDATION');
  assert.deepEqual(report.json().errors, calc.json().errors);
  const unknown = await postJson(app, '/api/v1/metrology/astrology/report.pdf', {});
  assert.equal(unknown.statusCode, 422);
  assert.equal(unknown.json().errors[0].pointer, '/params/kind');
});
