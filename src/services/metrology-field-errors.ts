// The metrology engine's input problems as the platform's field errors (RFC 9457 `errors`).
import { fieldError, type FieldError } from '../domain/errors.ts';
import type { MetrologyInputError } from '../metrology/index.ts';

/**
 * The engine's problems as field errors: its problem kind gives the message in both languages, its
 * English text the detail; pointers go under `under` when the input sits inside a larger body.
 */
export function metrologyFieldErrors(error: MetrologyInputError, under = ''): FieldError[] {
  return error.problems.map((p) => fieldError(`${under}${p.pointer === '/' ? '' : p.pointer}` || '/', p.code, p.message));
}
