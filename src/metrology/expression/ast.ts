// Syntax tree of a measurement model expression. Every node keeps the 0-based offset where it
// starts in the source so later checks (unknown names) can point at it.

export const FUNCTION_NAMES = [
  'sqrt', 'exp', 'log', 'log10', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'abs',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI };

export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

export type Expr =
  | { readonly kind: 'number'; readonly value: number; readonly pos: number }
  | { readonly kind: 'name'; readonly name: string; readonly pos: number }
  | { readonly kind: 'negate'; readonly arg: Expr; readonly pos: number }
  | { readonly kind: 'binary'; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr; readonly pos: number }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly arg: Expr; readonly pos: number };

export function isFunctionName(name: string): name is FunctionName {
  return (FUNCTION_NAMES as readonly string[]).includes(name);
}

/** Names that cannot be used for inputs or outputs: the functions and constants of the grammar,
 *  and '__proto__', which JavaScript objects cannot hold as an ordinary key. */
export function isReservedName(name: string): boolean {
  return isFunctionName(name) || Object.hasOwn(CONSTANTS, name) || name === '__proto__';
}

export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Input names the expression refers to, in order of first appearance. */
export function referencedNames(expr: Expr): string[] {
  const seen = new Set<string>();
  const visit = (e: Expr): void => {
    switch (e.kind) {
      case 'number': return;
      case 'name': seen.add(e.name); return;
      case 'negate': case 'call': visit(e.arg); return;
      case 'binary': visit(e.left); visit(e.right); return;
    }
  };
  visit(expr);
  return [...seen];
}
