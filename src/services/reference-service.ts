// Reference data (districts, use domains, catalogue) loaded once per process from the versioned
// tables; lookups used by validation are synchronous.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import * as refs from '../store/repositories/reference-repository.ts';
import type { District, InstrumentCategory, SupervisionMode, VerificationMode } from '../domain/registry/types.ts';

export interface UseDomain {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

export class ReferenceService {
  private constructor(
    readonly districts: readonly District[],
    private readonly districtByCode: ReadonlyMap<string, District>,
    private readonly successorOfRetired: ReadonlyMap<string, string>,
    readonly useDomains: readonly UseDomain[],
    readonly categories: readonly InstrumentCategory[],
    private readonly categoryByKey: ReadonlyMap<string, InstrumentCategory>,
  ) {}

  static async load(db: Kysely<Database>, today: string): Promise<ReferenceService> {
    const districts: District[] = (await refs.listDistricts(db)).map((d) => ({
      code: d.code,
      nameZh: d.name_zh,
      nameEn: d.name_en,
      kind: d.kind as District['kind'],
    }));
    const aliases = await refs.listDistrictAliases(db);
    const edition = await refs.editionInForce(db, today);
    if (!edition) throw new Error(`no compulsory-verification catalogue edition is in force on ${today}`);
    const categories: InstrumentCategory[] = (await refs.listCategories(db, edition.id)).map((c) => ({
      code: c.code,
      editionId: c.edition_id,
      nameZh: c.name_zh,
      nameEn: c.name_en,
      regulation: c.regulation,
      supervisionMode: c.supervision_mode as SupervisionMode,
      verificationMode: c.verification_mode as VerificationMode,
      cycleMonths: c.cycle_months,
      serviceLifeMonths: c.service_life_months,
      useDomains: c.use_domains.split(','),
      confirmed: c.confirmed === 1,
      compulsory: c.compulsory === 1,
    }));
    const categoryByKey = new Map<string, InstrumentCategory>();
    for (const c of categories) {
      categoryByKey.set(c.code, c);
      categoryByKey.set(c.nameZh, c);
    }
    const useDomains = (await refs.listUseDomains(db)).map((u) => ({ code: u.code, nameZh: u.name_zh, nameEn: u.name_en }));
    return new ReferenceService(
      districts,
      new Map(districts.map((d) => [d.code, d])),
      new Map(aliases.map((a) => [a.code, a.successor_code])),
      useDomains,
      categories,
      categoryByKey,
    );
  }

  /** The current district for a code: itself, or the successor of a retired code; null if unknown. */
  resolveDistrict(code: string): District | null {
    const current = this.districtByCode.get(code) ?? this.districtByCode.get(this.successorOfRetired.get(code) ?? '');
    return current ?? null;
  }

  /** A category by code or Chinese name in the edition in force. */
  category(codeOrName: string): InstrumentCategory | null {
    return this.categoryByKey.get(codeOrName) ?? null;
  }

  /** A use domain by code or Chinese name. */
  useDomain(codeOrName: string): UseDomain | null {
    return this.useDomains.find((u) => u.code === codeOrName || u.nameZh === codeOrName) ?? null;
  }
}
