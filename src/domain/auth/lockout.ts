// Progressive delay, then lockout, after consecutive failed sign-ins of one account
// (ASVS 2.2.1: at most 100 failed attempts per hour). Every failure from the third on locks the
// account for a time that doubles: 1 s, 2 s, then 1 min, 2 min, 4 min … capped at one hour.
const MAX_LOCK_SECONDS = 3600;

export function lockSeconds(consecutiveFailures: number): number {
  if (consecutiveFailures < 3) return 0;
  if (consecutiveFailures < 5) return 2 ** (consecutiveFailures - 3);
  return Math.min(MAX_LOCK_SECONDS, 60 * 2 ** (consecutiveFailures - 5));
}
