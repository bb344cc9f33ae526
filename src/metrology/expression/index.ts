// Model expressions: parse (never eval), evaluate, differentiate exactly, compile for batches.
export { FUNCTION_NAMES, IDENTIFIER, isReservedName, referencedNames, type Expr, type FunctionName } from './ast.ts';
export { parseExpression, MAX_EXPRESSION_LENGTH, type ParseOptions } from './parser.ts';
export { evaluate, evaluateWith, type Algebra } from './evaluate.ts';
export { directionalDerivative, hyperDualAlgebra, HyperDual } from './hyper-dual.ts';
export { compileBatch, type BatchModel } from './compile-batch.ts';
