import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeUscc, isValidUscc, organizationCheckDigit, usccDivisionCode, usccProblem } from '../../src/domain/ids/uscc.ts';

test('accepts the published valid and synthetic codes', () => {
  for (const code of ['91310110666007217T', '913502000728319549', '91500103MA5U00011H', '915001122030004144', '125000004500001712']) {
    assert.equal(usccProblem(code), null, code);
  }
});

test('rejects a bad check character, bad organization check digit, bad length and forbidden letters', () => {
  assert.equal(usccProblem('91350203M0001QAY9B'), 'check_character');
  assert.equal(usccProblem('91500103MA5U00021H'), 'organization_check');
  assert.equal(usccProblem('91500103MA5U0001'), 'length');
  assert.equal(usccProblem('91500103MA5U0001IH'), 'charset');
  assert.equal(usccProblem('91500103ma5u00011h'), 'charset');
});

test('every single-character change of a valid code is detected', () => {
  const code = '91500103MA5U00011H';
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  for (let i = 0; i < code.length; i++) {
    for (const ch of charset) {
      if (ch === code[i]) continue;
      const changed = code.slice(0, i) + ch + code.slice(i + 1);
      assert.equal(isValidUscc(changed), false, changed);
    }
  }
});

test('organization-code check digit maps 10 to X and 11 to 0', () => {
  // Σ = 3·1 = 3 → 11−3 = 8
  assert.equal(organizationCheckDigit('10000000'), '8');
  const bodies = ['MA5U0001', '20300041', '45000017', '66600721'];
  for (const body of bodies) assert.match(organizationCheckDigit(body), /^[0-9X]$/);
});

test('composed codes are valid and carry their division code', () => {
  const code = composeUscc('91', '500112', 'MA60ABCD');
  assert.equal(isValidUscc(code), true);
  assert.equal(usccDivisionCode(code), '500112');
});
