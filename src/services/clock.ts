import { shanghaiDate } from '../domain/common/dates.ts';

/** The service layer's notion of now; tests and the demo city pin it. */
export interface Clock {
  now(): Date;
  /** Today's civil date in Asia/Shanghai. */
  today(): string;
}

export function systemClock(): Clock {
  return { now: () => new Date(), today: () => shanghaiDate() };
}

export function fixedClock(instant: Date): Clock {
  return { now: () => new Date(instant), today: () => shanghaiDate(instant) };
}
