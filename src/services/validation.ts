// Schema validation shared by every edge: the same compiled schema checks an HTTP body, a CLI file
// and an imported spreadsheet row, and reports each problem with the JSON pointer of its field.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema, Static } from '@sinclair/typebox';
import { fieldError, validationError, type FieldError, type FieldProblemCode } from '../domain/errors.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Strict: no type coercion, no silent removal of unknown fields. */
export const strictAjv = addFormats(new Ajv({ allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: false, strict: false }));

const compiled = new WeakMap<object, ValidateFunction>();

function compile(schema: TSchema): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = strictAjv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

function problemCode(e: ErrorObject): FieldProblemCode {
  switch (e.keyword) {
    case 'required':
      return 'required';
    case 'additionalProperties':
      return 'unknown_field';
    case 'type':
    case 'anyOf':
    case 'oneOf':
      return 'wrong_type';
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minItems':
    case 'maxItems':
      return 'out_of_range';
    case 'enum':
    case 'const':
      return 'not_in_list';
    default:
      return 'invalid_format';
  }
}

function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Converts Ajv errors to field errors, one per pointer (the most specific problem wins). */
export function toFieldErrors(errors: readonly ErrorObject[]): FieldError[] {
  const byPointer = new Map<string, FieldError>();
  for (const e of errors) {
    let pointer = e.instancePath;
    if (e.keyword === 'required') pointer += `/${escapePointerToken((e.params as { missingProperty: string }).missingProperty)}`;
    if (e.keyword === 'additionalProperties') pointer += `/${escapePointerToken((e.params as { additionalProperty: string }).additionalProperty)}`;
    const code = problemCode(e);
    const existing = byPointer.get(pointer);
    // anyOf/oneOf report their branches too; keep the summary unless nothing else was said.
    if (!existing || existing.code === 'wrong_type') byPointer.set(pointer, fieldError(pointer || '/', code));
  }
  return [...byPointer.values()];
}

export function checkSchema<S extends TSchema>(schema: S, value: unknown): { ok: true; value: Static<S> } | { ok: false; errors: FieldError[] } {
  const fn = compile(schema);
  if (fn(value)) return { ok: true, value: value as Static<S> };
  return { ok: false, errors: toFieldErrors(fn.errors ?? []) };
}

/** Validates or throws JL_ERR_VALIDATION listing every bad field. */
export function assertSchema<S extends TSchema>(schema: S, value: unknown): Static<S> {
  const result = checkSchema(schema, value);
  if (!result.ok) throw validationError(result.errors);
  return result.value;
}
