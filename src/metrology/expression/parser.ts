// Recursive-descent parser for model expressions (never eval). Grammar, loosest first:
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := ('-' | '+') unary | power
//   power   := primary ('^' unary)?          right-associative; binds tighter than unary minus,
//                                             so -x^2 = -(x^2) and 2^-1 = 0.5
//   primary := number | name | pi | fn '(' sum ')' | '(' sum ')'

import { MetrologyInputError, type MetrologyProblem } from '../errors.ts';
import { CONSTANTS, isFunctionName, type Expr } from './ast.ts';
import { syntaxError, tokenize, type Token } from './lexer.ts';

export const MAX_EXPRESSION_LENGTH = 10_000;
const MAX_DEPTH = 200;

export interface ParseOptions {
  /** JSON pointer reported with errors (e.g. "/model/R"). */
  readonly pointer?: string;
  /** When given, every name must be one of these; all unknown names are reported at once. */
  readonly names?: ReadonlySet<string> | readonly string[];
}

export function parseExpression(source: string, options: ParseOptions = {}): Expr {
  const pointer = options.pointer ?? '';
  if (typeof source !== 'string') throw new MetrologyInputError([{ pointer, code: 'wrong_type', message: 'expression must be a string' }]);
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new MetrologyInputError([{ pointer, code: 'out_of_range', message: `expression is longer than ${MAX_EXPRESSION_LENGTH} characters` }]);
  }
  const expr = new Parser(tokenize(source, pointer), pointer).parse();
  if (options.names) checkNames(expr, new Set(options.names), pointer);
  return expr;
}

function checkNames(expr: Expr, known: ReadonlySet<string>, pointer: string): void {
  const problems: MetrologyProblem[] = [];
  const visit = (e: Expr): void => {
    if (e.kind === 'name') {
      if (!known.has(e.name)) problems.push({ pointer, code: 'not_in_list', message: `column ${e.pos + 1}: unknown name '${e.name}' (not an input)` });
    } else if (e.kind === 'negate' || e.kind === 'call') visit(e.arg);
    else if (e.kind === 'binary') { visit(e.left); visit(e.right); }
  };
  visit(expr);
  if (problems.length > 0) throw new MetrologyInputError(problems);
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[], private readonly pointer: string) {}

  parse(): Expr {
    const first = this.peek();
    if (first.kind === 'end') throw syntaxError(this.pointer, first.pos, 'empty expression');
    const expr = this.sum();
    const rest = this.peek();
    if (rest.kind !== 'end') throw this.unexpected(rest);
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private isSymbol(text: string): boolean {
    const t = this.peek();
    return t.kind === 'symbol' && t.text === text;
  }

  private unexpected(t: Token): MetrologyInputError {
    if (t.kind === 'end') return syntaxError(this.pointer, t.pos, 'unexpected end of expression');
    if (t.kind === 'symbol' && t.text === ')') return syntaxError(this.pointer, t.pos, "unmatched ')'");
    return syntaxError(this.pointer, t.pos, `unexpected '${t.text}'`);
  }

  private enter(pos: number): void {
    if (++this.depth > MAX_DEPTH) throw syntaxError(this.pointer, pos, `expression nests deeper than ${MAX_DEPTH} levels`);
  }

  private sum(): Expr {
    let left = this.product();
    while (this.isSymbol('+') || this.isSymbol('-')) {
      const t = this.tokens[this.index++]!;
      left = { kind: 'binary', op: (t as { text: '+' | '-' }).text, left, right: this.product(), pos: t.pos };
    }
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    while (this.isSymbol('*') || this.isSymbol('/')) {
      const t = this.tokens[this.index++]!;
      left = { kind: 'binary', op: (t as { text: '*' | '/' }).text, left, right: this.unary(), pos: t.pos };
    }
    return left;
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.kind === 'symbol' && (t.text === '-' || t.text === '+')) {
      this.index++;
      this.enter(t.pos);
      const arg = this.unary();
      this.depth--;
      return t.text === '-' ? { kind: 'negate', arg, pos: t.pos } : arg;
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.primary();
    if (!this.isSymbol('^')) return base;
    const t = this.tokens[this.index++]!;
    this.enter(t.pos);
    const exponent = this.unary();
    this.depth--;
    return { kind: 'binary', op: '^', left: base, right: exponent, pos: t.pos };
  }

  private primary(): Expr {
    const t = this.peek();
    if (t.kind === 'number') {
      this.index++;
      return { kind: 'number', value: t.value, pos: t.pos };
    }
    if (t.kind === 'name') {
      this.index++;
      const called = this.isSymbol('(');
      if (isFunctionName(t.text)) {
        if (!called) throw syntaxError(this.pointer, t.pos, `function '${t.text}' needs an argument in parentheses, e.g. ${t.text}(x)`);
        const arg = this.parenthesized();
        return { kind: 'call', fn: t.text, arg, pos: t.pos };
      }
      if (called) throw syntaxError(this.pointer, t.pos, `unknown function '${t.text}'`);
      if (Object.hasOwn(CONSTANTS, t.text)) return { kind: 'number', value: CONSTANTS[t.text]!, pos: t.pos };
      return { kind: 'name', name: t.text, pos: t.pos };
    }
    if (t.kind === 'symbol' && t.text === '(') return this.parenthesized();
    throw t.kind === 'end' ? syntaxError(this.pointer, t.pos, 'unexpected end of expression (operand expected)') : this.unexpected(t);
  }

  private parenthesized(): Expr {
    const open = this.tokens[this.index++]!; // '('
    this.enter(open.pos);
    if (this.isSymbol(')')) throw syntaxError(this.pointer, this.peek().pos, 'empty parentheses');
    const inner = this.sum();
    if (this.isSymbol(',')) throw syntaxError(this.pointer, this.peek().pos, 'functions take exactly one argument');
    if (!this.isSymbol(')')) {
      const t = this.peek();
      throw t.kind === 'end' ? syntaxError(this.pointer, open.pos, "'(' is never closed") : this.unexpected(t);
    }
    this.index++;
    this.depth--;
    return inner;
  }
}
