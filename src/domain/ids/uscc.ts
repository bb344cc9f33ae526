// Unified social credit code (统一社会信用代码), GB 32100-2015.
// 18 characters: authority, category, 6-digit division, 9-character organization code
// (GB 11714, its last character a check digit), and a final check character.

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export type UsccProblem = 'length' | 'charset' | 'organization_check' | 'check_character';

function orgCodeCharValue(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A-Z → 10-35
  return -1;
}

/** The GB 11714 check digit for the 8 characters before it. */
export function organizationCheckDigit(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCodeCharValue(body8[i]!) * ORG_CODE_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** The GB 32100 check character for the first 17 characters. */
export function usccCheckCharacter(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(body17[i]!) * USCC_WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Returns null when valid, otherwise the first problem found. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!CHARSET.includes(ch)) return 'charset';
  if (organizationCheckDigit(code.slice(8, 16)) !== code[16]) return 'organization_check';
  if (usccCheckCharacter(code.slice(0, 17)) !== code[17]) return 'check_character';
  return null;
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}

/** The GB/T 2260 division code embedded in positions 3–8. */
export function usccDivisionCode(code: string): string {
  return code.slice(2, 8);
}

/**
 * Builds a valid USCC from its parts (used by the demo city and tests): the organization code body
 * is 8 characters from the organization-code alphabet without its check digit.
 */
export function composeUscc(authorityAndCategory: string, divisionCode: string, orgBody8: string): string {
  const org = orgBody8 + organizationCheckDigit(orgBody8);
  const body17 = authorityAndCategory + divisionCode + org;
  return body17 + usccCheckCharacter(body17);
}
