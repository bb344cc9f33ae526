// Outcome of validating many rows at once (bulk registration, imports).
import type { FieldError } from '../domain/errors.ts';

export interface RowErrors {
  /** 0-based index of the row in the submitted list. */
  readonly index: number;
  readonly errors: readonly FieldError[];
}

export interface BatchValidation<T> {
  /** Valid rows with their original index. */
  readonly valid: readonly { readonly index: number; readonly value: T }[];
  readonly invalid: readonly RowErrors[];
}

export type BatchMode = 'all' | 'valid-only';
