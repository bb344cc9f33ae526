// The whole demo city as plain data, before anything is written: organisations, instruments in
// registration order with their histories, and verifications in date order with their document
// sequence numbers. A pure function of (today, seed, options).
import { addMonths } from '../../domain/common/dates.ts';
import type { DocumentKind } from '../../domain/verification/document-number.ts';
import type { ReferenceService } from '../reference-service.ts';
import { toDay, officeInstant } from './days.ts';
import { allocateInstruments, type InstrumentDraft } from './instruments.ts';
import { planHistory, type PlannedVerification, type Timeline } from './history.ts';
import { OrgRegistry, type Institute, type OrgDraft } from './organizations.ts';
import { Prng, hashSeed } from './prng.ts';
import { CATEGORY_SPECS, type MakerSpec, type ModelSpec } from './specs.ts';

export interface CityOptions {
  readonly today: string;
  readonly seed: number;
  readonly instruments: number;
}

export interface PlannedInstrument {
  readonly draft: InstrumentDraft;
  readonly timeline: Timeline;
  readonly serialNo: string;
  readonly patternApprovalNo: string;
  /** Positions in CityPlan.verifications of this instrument's verifications, in order. */
  readonly verificationRefs: number[];
}

export interface PlannedRecord {
  /** Position of the instrument in CityPlan.instruments. */
  readonly instrument: number;
  readonly verification: PlannedVerification;
  readonly institute: Institute;
  readonly documentKind: DocumentKind;
  readonly year: number;
  /** Number within the institute's sequence for this kind and year. */
  readonly sequence: number;
}

export interface CityPlan {
  readonly organizations: readonly OrgDraft[];
  /** created_at of each organisation, by index. */
  readonly organizationCreatedAt: readonly string[];
  readonly instruments: readonly PlannedInstrument[];
  readonly verifications: readonly PlannedRecord[];
  /** Highest number used per institute, kind and year (to raise document_sequence). */
  readonly sequences: readonly { institute: OrgDraft; kind: DocumentKind; year: number; last: number }[];
}

/** Years of history before today for periodic instruments. */
export const HISTORY_MONTHS = 36;

export function buildCity(reference: ReferenceService, options: CityOptions, onProgress: (fraction: number) => void = () => {}): CityPlan {
  const { today, seed } = options;
  const registry = new OrgRegistry(new Prng(hashSeed(seed, 'organizations')), reference.districts);
  registry.createInstitutes();
  const specs = CATEGORY_SPECS.flatMap((spec) => {
    const category = reference.category(spec.code);
    return category ? [{ spec, category }] : [];
  });
  for (const { spec } of specs) for (const maker of spec.makers) if (maker.district) registry.maker(maker.name, maker.district);
  const repairers = registry.createRepairers(Math.max(3, Math.round(options.instruments / 5000)));
  // Every district has its utilities, police and monitoring station, however small the city.
  for (const d of reference.districts) for (const kind of ['water', 'gas', 'power', 'police', 'environment'] as const) registry.singleton(kind, d.code);

  const drafts = allocateInstruments(options.instruments, specs, registry, seed);
  const window = {
    today,
    start: toDay(addMonths(today, -HISTORY_MONTHS)),
    last: toDay(today) - 1,
    repairers,
  };
  const planned: { draft: InstrumentDraft; timeline: Timeline; order: number }[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i]!;
    planned.push({ draft, timeline: planHistory(draft, window), order: i });
    if (i % 5000 === 0) onProgress((0.8 * i) / drafts.length);
  }

  // Ids follow registration, as they would have had the instruments been filed one by one.
  planned.sort((a, b) => cmp(a.timeline.createdAt, b.timeline.createdAt) || a.order - b.order);
  const serials = new Map<ModelSpec, number>();
  const instruments: PlannedInstrument[] = planned.map(({ draft, timeline }) => {
    const n = (serials.get(draft.model) ?? 0) + 1;
    serials.set(draft.model, n);
    const made = timeline.manufacturedOn;
    return {
      draft,
      timeline,
      serialNo: `${draft.model.serialPrefix}${made.slice(2, 4)}${made.slice(5, 7)}${String(n).padStart(6, '0')}`,
      patternApprovalNo: patternApprovalNo(draft.maker, draft.model),
      verificationRefs: [],
    };
  });
  onProgress(0.85);

  const verifications = numberDocuments(instruments);
  onProgress(0.95);
  return {
    organizations: registry.orgs,
    organizationCreatedAt: organizationCreatedAt(registry.orgs, instruments, window.start, seed),
    instruments,
    verifications: verifications.records,
    sequences: verifications.sequences,
  };
}

/**
 * Orders all verifications by date (their ids will follow it) and numbers each institute's
 * certificates and result notices per year in that order, as live recording would have.
 */
function numberDocuments(instruments: PlannedInstrument[]): { records: PlannedRecord[]; sequences: CityPlan['sequences'] } {
  const flat: { instrument: number; local: number; verification: PlannedVerification; key: number }[] = [];
  instruments.forEach((inst, i) =>
    inst.timeline.verifications.forEach((verification, local) =>
      // One numeric key (day, then instrument, then its own order) sorts far faster than strings.
      flat.push({ instrument: i, local, verification, key: (toDay(verification.verifiedOn) * 2 ** 24 + i) * 64 + local }),
    ),
  );
  flat.sort((a, b) => a.key - b.key);
  const counters = new Map<string, { institute: OrgDraft; kind: DocumentKind; year: number; last: number }>();
  const records = flat.map(({ instrument, local, verification }, position): PlannedRecord => {
    const inst = instruments[instrument]!;
    const institute = inst.draft.institute;
    const documentKind: DocumentKind = verification.conclusion === 'pass' ? 'certificate' : 'result_notice';
    const year = Number(verification.verifiedOn.slice(0, 4));
    const key = `${institute.org.index}:${documentKind}:${year}`;
    let counter = counters.get(key);
    if (!counter) counters.set(key, (counter = { institute: institute.org, kind: documentKind, year, last: 0 }));
    counter.last += 1;
    inst.verificationRefs[local] = position;
    return { instrument, verification, institute, documentKind, year, sequence: counter.last };
  });
  return { records, sequences: [...counters.values()] };
}

/** An organisation was filed shortly before its first instrument; others before the history began. */
function organizationCreatedAt(orgs: readonly OrgDraft[], instruments: readonly PlannedInstrument[], start: number, seed: number): string[] {
  const first = new Map<number, number>();
  for (const inst of instruments) {
    const day = toDay(inst.timeline.registeredOn);
    const owner = inst.draft.owner.index;
    if (!first.has(owner) || day < first.get(owner)!) first.set(owner, day);
  }
  return orgs.map((org) => {
    const rng = new Prng(hashSeed(seed, 'org-created', org.index));
    const day = (first.get(org.index) ?? start) - rng.int(1, 60);
    return officeInstant(day, rng.int(0, 539));
  });
}

/**
 * Pattern approval (型式批准) number of a model: year F sequence - province, e.g. 2012F203-50; the
 * years precede the oldest instruments of the demo.
 */
function patternApprovalNo(maker: MakerSpec, model: ModelSpec): string {
  const h = hashSeed(maker.name, model.model);
  return `${2006 + (h % 9)}F${String(100 + ((h >>> 8) % 300)).padStart(3, '0')}-${maker.province}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
