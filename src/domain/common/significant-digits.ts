// How measured numbers read, on screen and in reports alike: uncertainties to a few significant
// digits, estimates to the decimal place their uncertainty supports.

/** `digits` significant digits, without exponent notation for ordinary magnitudes; "—" for none. */
export function sig(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-4 && magnitude < 1e15) {
    const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(magnitude)));
    return value.toFixed(Math.min(decimals, 20));
  }
  return value.toPrecision(digits);
}

/** An estimate with one more decimal than the second significant digit of its uncertainty. */
export function estimate(value: number | null | undefined, u: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (!u || !Number.isFinite(u) || u <= 0) return sig(value, 6);
  const decimals = Math.max(0, 2 - Math.floor(Math.log10(u)));
  return decimals > 20 ? value.toExponential(6) : value.toFixed(decimals);
}
