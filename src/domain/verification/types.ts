// A verification record (检定记录): who verified what, how, against which standards, with what result.

export const CONCLUSIONS = ['pass', 'fail'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];

export interface StandardUsed {
  readonly name: string;
  readonly certificateNo?: string | undefined;
  readonly measuringRange?: string | undefined;
  readonly uncertainty?: string | undefined;
  readonly validUntil?: string | undefined;
}

export interface VerificationItem {
  readonly name: string;
  readonly nominal?: number | undefined;
  /** Measured error, in the unit of `mpe`. */
  readonly error: number;
  /** Maximum permissible error as a symmetric bound (±mpe), or an asymmetric pair. */
  readonly mpe: number | { readonly lower: number; readonly upper: number };
  readonly unit?: string | undefined;
  /** Standard uncertainty of `error`, same unit; enables a decision rule with a stated risk. */
  readonly u?: number | undefined;
}

export interface Environment {
  readonly temperatureC?: number | undefined;
  readonly humidityPct?: number | undefined;
  readonly other?: string | undefined;
}

/** Whether an item's error lies within its maximum permissible error (bounds inclusive). */
export function itemPasses(item: VerificationItem): boolean {
  const { lower, upper } = typeof item.mpe === 'number' ? { lower: -item.mpe, upper: item.mpe } : item.mpe;
  return item.error >= lower && item.error <= upper;
}

/** The conclusion the items imply: pass only when every item passes. */
export function impliedConclusion(items: readonly VerificationItem[]): Conclusion {
  return items.every(itemPasses) ? 'pass' : 'fail';
}
