// Next-due date and due state are derived from the verification history, never entered by hand.
import { addDays } from '../common/dates.ts';
import type { InstrumentStatus } from '../registry/types.ts';

export const DUE_STATES = ['valid', 'due_soon', 'overdue', 'not_applicable'] as const;
export type DueState = (typeof DUE_STATES)[number];

export interface VerificationOutcome {
  readonly verifiedOn: string;
  readonly conclusion: 'pass' | 'fail';
  readonly validUntil: string | null;
}

/**
 * The date by which the instrument must next be verified (or, for fixed-life instruments, replaced):
 * - scrapped: none;
 * - never verified: due at registration (first verification before use);
 * - last verification failed: due on that day (it is suspended until it passes);
 * - last verification passed: its valid-until date (none when it never expires).
 * `history` must be in the order the verifications happened.
 */
export function nextDueOn(
  status: InstrumentStatus,
  registeredOn: string,
  history: readonly VerificationOutcome[],
): string | null {
  if (status === 'scrapped') return null;
  const last = history.at(-1);
  if (!last) return registeredOn;
  return last.conclusion === 'fail' ? last.verifiedOn : last.validUntil;
}

/**
 * `overdue` once the due date has passed, `due_soon` within `windowDays` of it (inclusive).
 * The store filters with the same boundaries; see dueStateBounds.
 */
export function dueState(nextDue: string | null, today: string, windowDays: number): DueState {
  if (nextDue === null) return 'not_applicable';
  const bounds = dueStateBounds(today, windowDays);
  if (nextDue < bounds.overdueBefore) return 'overdue';
  if (nextDue <= bounds.dueSoonThrough) return 'due_soon';
  return 'valid';
}

/** Date boundaries shared by the pure derivation and the SQL filters. */
export function dueStateBounds(today: string, windowDays: number) {
  return { overdueBefore: today, dueSoonThrough: addDays(today, windowDays) } as const;
}
