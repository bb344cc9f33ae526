// The one error the metrology library throws for bad input: every problem found, each with the
// RFC 6901 JSON pointer of the offending field, so edges can map it to a problem+json response
// (DESIGN.md §4) or a CLI exit code 2 without parsing messages.

export interface MetrologyProblem {
  readonly pointer: string;
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
