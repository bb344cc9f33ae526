// The one error the metrology library throws for bad input: every problem found, each with the
// RFC 6901 JSON pointer of the offending field, so edges can map it to a problem+json response
// (DESIGN.md §4) or a CLI exit code 2 without parsing messages.

/**
 * What kind of problem, so an edge can say it in the user's language; `message` has the specifics
 * (in English). The names are those of the platform's field problems (domain/errors.ts).
 */
export type MetrologyProblemCode =
  | 'required'
  | 'unknown_field'
  | 'wrong_type'
  | 'invalid_format'
  | 'out_of_range'
  | 'not_in_list'
  | 'conflicting_fields'
  | 'invalid_value';

export interface MetrologyProblem {
  readonly pointer: string;
  readonly code: MetrologyProblemCode;
  readonly message: string;
}

export class MetrologyInputError extends Error {
  constructor(readonly problems: MetrologyProblem[]) {
    super(problems.map((p) => `${p.pointer || '/'}: ${p.message}`).join('; ') || 'invalid input');
    this.name = 'MetrologyInputError';
  }
}

/** RFC 6901 pointer from path segments (escapes ~ and /). */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
