import type { AppContext } from '../../services/context.ts';

/** Options every route plugin receives. */
export interface RouteOptions {
  readonly ctx: AppContext;
}
