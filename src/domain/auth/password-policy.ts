// Password rules after OWASP ASVS 4.0.3 §2.1: 12–128 characters, every character allowed and
// kept (no truncation, no composition rules), and common or guessable passwords refused.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { fieldError, type FieldError } from '../errors.ts';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn scores 0–4; 3 means "safely unguessable" (≥ 10^8 guesses) against an online attack with throttling. */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
  return estimator;
}

/** Length counts Unicode code points, so a 12-character Chinese phrase is 12 characters. */
export function passwordProblems(password: string, pointer: string, userInputs: readonly string[] = []): FieldError[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return [fieldError(pointer, 'password_too_short')];
  if (length > PASSWORD_MAX_LENGTH) return [fieldError(pointer, 'password_too_long')];
  if (strength().check(password, [...userInputs, 'jiliang', '计量']).score < MIN_SCORE) return [fieldError(pointer, 'password_too_weak')];
  return [];
}
