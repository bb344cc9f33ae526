// Numerical tolerance δ of a standard uncertainty stated to ndig significant digits
// (JCGM 101 7.9.2): write u = c × 10^ℓ with c an ndig-digit integer; δ = ½ × 10^ℓ.
// Example: u = 0.0026 with ndig = 2 → c = 26, ℓ = −4, δ = 0.00005.

export function numericalTolerance(u: number, ndig: number): number {
  if (!(u > 0) || !Number.isFinite(u)) return 0;
  let ell = Math.floor(Math.log10(u)) - ndig + 1;
  // Rounding u to ndig digits can carry into one more digit (9.96 → 10): keep c at ndig digits.
  if (Math.round(u / 10 ** ell) >= 10 ** ndig) ell += 1;
  // Divide for negative ℓ: 10^|ℓ| is exact, so δ is correctly rounded (0.5/10⁴ = 0.00005).
  return ell >= 0 ? 0.5 * 10 ** ell : 0.5 / 10 ** -ell;
}
