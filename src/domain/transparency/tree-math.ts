// Index arithmetic for RFC 6962 trees. Plain arithmetic, not bitwise operators: JavaScript's `>>`
// and `&` truncate to 32 bits, and a log may outgrow 2^31 entries; sizes are safe integers (< 2^53).

/** Whether n is a non-negative safe integer, the only sizes and indices this library accepts. */
export function isIndex(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

export function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

/** The k of RFC 6962 §2.1: the largest power of two strictly less than n (n ≥ 2), so k < n ≤ 2k. */
export function splitPoint(n: number): number {
  if (!(n >= 2)) throw new RangeError(`cannot split a tree of ${n} leaves`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** log2 of a power of two. */
export function levelOf(powerOfTwo: number): number {
  let level = 0;
  for (let n = powerOfTwo; n > 1; n /= 2) level++;
  return level;
}

/** x >> 1 for safe integers of any size. */
export function half(x: number): number {
  return Math.floor(x / 2);
}

/** Least significant bit of x, for safe integers of any size. */
export function lowBit(x: number): number {
  return x % 2;
}
