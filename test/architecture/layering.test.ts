// The layering rule is enforced by lint; this proves the rule itself still bites.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? '');
}

test('edges may not import the store', async () => {
  for (const edge of ['src/http/routes/x.ts', 'src/cli/commands/x.ts', 'src/jobs/x.ts', 'src/ingest/x.ts']) {
    assert.deepEqual(await ruleIds(edge, "import { openDatabase } from '../../store/db.ts';\nexport const x = openDatabase;\n"), ['no-restricted-imports'], edge);
  }
});

test('edges may import services', async () => {
  assert.deepEqual(await ruleIds('src/http/routes/x.ts', "import { createContext } from '../../services/context.ts';\nexport const x = createContext;\n"), []);
});

test('domain and metrology stay pure', async () => {
  assert.deepEqual(await ruleIds('src/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"), ['no-restricted-imports']);
  assert.deepEqual(await ruleIds('src/metrology/x.ts', "import { sql } from 'kysely';\nexport const x = sql;\n"), ['no-restricted-imports']);
  assert.deepEqual(await ruleIds('src/domain/x.ts', "import { x as y } from '../services/context.ts';\nexport const x = y;\n"), ['no-restricted-imports']);
});

test('the store does not reach up into services', async () => {
  assert.deepEqual(await ruleIds('src/store/repositories/x.ts', "import { createContext } from '../../services/context.ts';\nexport const x = createContext;\n"), ['no-restricted-imports']);
});
