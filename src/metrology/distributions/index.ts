// Probability distributions for uncertainty evaluation: how a stated input maps to a standard
// uncertainty (GUM) and how to draw from it (Monte Carlo).
export { Random } from './rng.ts';
export * from './samplers.ts';
export * from './standard-uncertainty.ts';
