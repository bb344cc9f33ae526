// Standard uncertainty of an input from the way it is stated (JCGM 100 4.3): u directly, an
// expanded uncertainty U with its coverage factor k (4.3.3), or the half-width a of a symmetric
// distribution: rectangular a/√3 (4.3.7), triangular a/√6 (4.3.9), arcsine (U-shaped) a/√2
// (JCGM 101 6.4.6), and a uniform distribution on [low, high]: (high − low)/√12.

export type HalfWidthShape = 'rectangular' | 'triangular' | 'arcsine';

const DIVISOR: Record<HalfWidthShape, number> = {
  rectangular: Math.sqrt(3),
  triangular: Math.sqrt(6),
  arcsine: Math.SQRT2,
};

export function uncertaintyFromHalfWidth(shape: HalfWidthShape, halfWidth: number): number {
  return halfWidth / DIVISOR[shape];
}

export function uncertaintyFromBounds(low: number, high: number): number {
  return (high - low) / Math.sqrt(12);
}

export function uncertaintyFromExpanded(U: number, k: number): number {
  return U / k;
}
