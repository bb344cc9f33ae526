// Every published reference case in ../shared/testdata/metrology goes through the CLI, as a user
// would run it: `jiliang metrology <kind> <file>`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { assertMatchesExpected } from '../support/expected-values.ts';
import { loadReferenceCases, REFERENCE_CASES_DIR } from '../support/reference-cases.ts';
import { runJiliang } from '../support/cli.ts';

const cases = loadReferenceCases();

test('the reference cases are all there', () => {
  assert.ok(cases.length >= 10, `found ${cases.length} cases in ${fileURLToPath(REFERENCE_CASES_DIR)}`);
});

for (const reference of cases) {
  test(`${reference.kind}: ${reference.name}`, async () => {
    const result = await runJiliang(['metrology', reference.kind], { input: JSON.stringify(reference.input) });
    assert.equal(result.code, 0, result.stderr);
    assertMatchesExpected(JSON.parse(result.stdout), reference.expected);
  });
}

test('invalid input exits 2 with a problem JSON on stderr', async () => {
  const invalid = await runJiliang(['metrology', 'gum', '/dev/null']);
  assert.equal(invalid.code, 2);
  assert.equal(JSON.parse(invalid.stderr).code, 'JL_ERR_MALFORMED_BODY');
});

test('--xlsx writes the workbook as well as the JSON', async () => {
  const reference = cases.find((c) => c.kind === 'gum')!;
  const dir = mkdtempSync(join(tmpdir(), 'jiliang-metrology-'));
  try {
    const out = join(dir, 'gum.xlsx');
    const result = await runJiliang(['metrology', 'gum', '--xlsx', out], { input: JSON.stringify(reference.input) });
    assert.equal(result.code, 0, result.stderr);
    assertMatchesExpected(JSON.parse(result.stdout), reference.expected);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    assert.deepEqual(workbook.worksheets.map((s) => s.name).slice(0, 2), ['结果 Result', '输入 Input']);
    const budget = workbook.getWorksheet('不确定度分量 Budget');
    assert.ok(budget, 'budget sheet');
    assert.equal(budget.rowCount - 1, Object.keys((reference.input as { inputs: object }).inputs).length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--pdf writes the PDF report as well as the JSON', async () => {
  const reference = cases.find((c) => c.kind === 'gum')!;
  const dir = mkdtempSync(join(tmpdir(), 'jiliang-metrology-'));
  try {
    const out = join(dir, 'gum.pdf');
    const result = await runJiliang(['metrology', 'gum', '--pdf', out], { input: JSON.stringify(reference.input) });
    assert.equal(result.code, 0, result.stderr);
    assertMatchesExpected(JSON.parse(result.stdout), reference.expected);
    const pdf = readFileSync(out);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/.test(pdf.toString('latin1')), 'font subset');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
