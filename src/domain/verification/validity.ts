// How long a passing verification holds, from the category's verification mode (reference data).
import { addDays, addMonths } from '../common/dates.ts';
import type { InstrumentCategory } from '../registry/types.ts';

export interface ValidityInput {
  readonly category: Pick<InstrumentCategory, 'verificationMode' | 'cycleMonths' | 'serviceLifeMonths'>;
  readonly verifiedOn: string;
  /** Instrument-specific service life (e.g. a water meter's by its diameter); overrides the category's. */
  readonly instrumentServiceLifeMonths: number | null;
  /** Start of service life: installation, else manufacture, else the verification itself. */
  readonly serviceStartOn: string | null;
}

/**
 * The certificate's "valid until" (有效期至) date, or null when the verification does not expire
 * (first verification only, scrapped when inaccurate).
 * A periodic cycle of N months starting on D ends the day before D + N months.
 */
export function validUntil(input: ValidityInput): string | null {
  const { category, verifiedOn } = input;
  switch (category.verificationMode) {
    case 'PERIODIC': {
      if (!category.cycleMonths) return null;
      return addDays(addMonths(verifiedOn, category.cycleMonths), -1);
    }
    case 'FIRST_ONLY_FIXED_LIFE': {
      const life = input.instrumentServiceLifeMonths ?? category.serviceLifeMonths;
      if (!life) return null;
      return addDays(addMonths(input.serviceStartOn ?? verifiedOn, life), -1);
    }
    case 'FIRST_ONLY_SCRAP':
      return null;
  }
}
