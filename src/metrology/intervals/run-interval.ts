// `interval` engine (DESIGN.md §8): a recommended calibration interval from the in/out-of-
// tolerance history (ILAC G24:2007 / OIML D 10:2007, NCSLI RP-1). The recommendation is the
// method's interval, kept within [minIntervalDays, maxIntervalDays] when given, rounded to whole
// days.
import { MetrologyInputError } from '../errors.ts';
import { parseIntervalInput } from './interval-input.ts';
import { intervalTest, windowFor, type A3Result } from './interval-test-a3.ts';
import { simpleResponse, type A1Result } from './simple-response-a1.ts';

export type IntervalResult = (A3Result | A1Result) & { readonly recommendedIntervalDays: number };

export function runInterval(input: unknown): IntervalResult {
  const req = parseIntervalInput(input);
  let result: A3Result | A1Result;
  if (req.method === 'A1') {
    result = simpleResponse(req);
  } else {
    const a3 = intervalTest(req);
    if (!a3) {
      throw new MetrologyInputError([{
        pointer: '/history',
        code: 'invalid_value', message: `no result within ${windowFor(req)} d of the current interval (${req.currentIntervalDays} d); method A3 tests only those`,
      }]);
    }
    result = a3;
  }
  let days = result.action === 'keep' ? result.currentIntervalDays : result.calculatedIntervalDays;
  if (req.minIntervalDays !== undefined) days = Math.max(days, req.minIntervalDays);
  if (req.maxIntervalDays !== undefined) days = Math.min(days, req.maxIntervalDays);
  return { recommendedIntervalDays: Math.round(days), ...result };
}
