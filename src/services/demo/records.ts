// The content of a verification record (检定记录): who verified, checked and approved it, where,
// in what environment, against which standards, and the measured error of each item. Failing
// records have at least one item outside its maximum permissible error, passing ones none —
// checked with the domain's own rule before anything is written.
import { impliedConclusion, type VerificationItem } from '../../domain/verification/types.ts';
import { Prng, hashSeed } from './prng.ts';
import type { InstrumentDraft } from './instruments.ts';
import type { Institute } from './organizations.ts';
import type { ItemTemplate } from './specs.ts';

export interface RecordContent {
  readonly verifier: string;
  readonly checker: string;
  readonly approver: string;
  readonly place: string;
  readonly environment: string;
  readonly standards: string;
  readonly items: string;
}

// Mean outdoor temperature in Chongqing per month (℃): on-site verification happens in it.
const OUTDOOR_C = [8, 10, 14, 19, 23, 26, 29, 29, 25, 19, 14, 9];

const standardCache = new Map<string, { certificateNo: string; validUntil: string }>();

export function recordContent(draft: InstrumentDraft, verifiedOn: string, conclusion: 'pass' | 'fail', seed: number): RecordContent {
  const rng = new Prng(seed);
  const { spec, institute } = draft;
  const verifier = rng.pick(institute.verifiers);
  let checker = rng.pick(institute.verifiers);
  if (checker === verifier) checker = institute.verifiers[(institute.verifiers.indexOf(verifier) + 1) % institute.verifiers.length]!;
  const onSite = spec.onSite;
  const place = onSite
    ? `现场：${draft.owner.kind === 'police' || draft.owner.kind === 'ev_operator' ? draft.site : draft.owner.address}`
    : `${institute.org.name}${spec.lab}`;
  const month = Number(verifiedOn.slice(5, 7)) - 1;
  const temperatureC = round(onSite ? OUTDOOR_C[month]! + rng.centered() * 3 : 20 + rng.centered() * 1.5, 1);
  const humidityPct = onSite ? rng.int(50, 85) : rng.int(40, 65);
  const other = environmentNote(draft, rng);
  const environment = { temperatureC, humidityPct, ...(other ? { other } : {}) };
  const standards = spec.standards.map((s, i) => ({ name: s.name, ...standardCertificate(institute, draft.spec.code, i, verifiedOn), measuringRange: s.measuringRange, uncertainty: s.uncertainty }));
  const items = measuredItems(draft.model.items, conclusion, rng);
  return {
    verifier,
    checker,
    approver: rng.pick(institute.approvers),
    place,
    environment: JSON.stringify(environment),
    standards: JSON.stringify(standards),
    items: JSON.stringify(items),
  };
}

function environmentNote(draft: InstrumentDraft, rng: Prng): string | undefined {
  switch (draft.spec.code) {
    case 'FUEL_DISPENSER':
      return `介质：${rng.pick(['92号车用汽油', '95号车用汽油', '0号车用柴油'])}`;
    case 'CNG_DISPENSER':
      return '介质：压缩天然气';
    case 'LPG_DISPENSER':
      return '介质：液化石油气';
    case 'ELECTRICITY_METER':
      return '参比电压 220 V，参比频率 50 Hz';
    case 'WATER_METER_DN25':
    case 'WATER_METER_DN50':
    case 'WATER_METER_LARGE':
      return `介质：清洁冷水，水温 ${round(16 + rng.next() * 8, 1)} ℃`;
    default:
      return undefined;
  }
}

/**
 * The certificate of the institute's standard in force on the day: standards are recalibrated
 * every year on their own anniversary, so one certificate covers a year of records.
 */
function standardCertificate(institute: Institute, category: string, index: number, verifiedOn: string): { certificateNo: string; validUntil: string } {
  const h = hashSeed(institute.certPrefix, category, index);
  const mmdd = `${String(1 + (h % 12)).padStart(2, '0')}-${String(1 + ((h >>> 8) % 28)).padStart(2, '0')}`;
  let year = Number(verifiedOn.slice(0, 4));
  if (`${year}-${mmdd}` < verifiedOn) year += 1;
  const key = `${institute.certPrefix}:${category}:${index}:${year}`;
  let found = standardCache.get(key);
  if (!found) {
    const serial = String(1 + (hashSeed(key) % 9999)).padStart(4, '0');
    found = { certificateNo: `${institute.certPrefix}-${year - 1}-${serial}`, validUntil: `${year}-${mmdd}` };
    standardCache.set(key, found);
  }
  return found;
}

/** Measured errors: inside the MPE for a pass; one item (sometimes two) outside it for a fail. */
export function measuredItems(templates: readonly ItemTemplate[], conclusion: 'pass' | 'fail', rng: Prng): VerificationItem[] {
  const failing = new Set<number>();
  if (conclusion === 'fail') {
    // The main error item fails most often (the first one listed).
    failing.add(rng.chance(0.6) ? 0 : rng.int(0, templates.length - 1));
    if (rng.chance(0.2)) failing.add(rng.int(0, templates.length - 1));
  }
  const items = templates.map((t, i): VerificationItem => ({
    name: t.name,
    ...(t.nominal !== undefined ? { nominal: t.nominal } : {}),
    error: failing.has(i) ? outside(t, rng) : inside(t, rng),
    mpe: t.mpe,
    unit: t.unit,
  }));
  if (impliedConclusion(items) !== conclusion) throw new Error(`demo record items contradict the conclusion ${conclusion}`);
  return items;
}

function inside(t: ItemTemplate, rng: Prng): number {
  if (typeof t.mpe === 'number') return round(rng.centered() * 0.8 * t.mpe, t.decimals);
  const { lower, upper } = t.mpe;
  if (lower === 0) return round(upper * (0.05 + 0.75 * rng.next()), t.decimals);
  return round((lower + upper) / 2 + rng.centered() * ((upper - lower) / 2) * 0.8, t.decimals);
}

function outside(t: ItemTemplate, rng: Prng): number {
  const step = 10 ** -t.decimals;
  const { lower, upper } = typeof t.mpe === 'number' ? { lower: -t.mpe, upper: t.mpe } : t.mpe;
  const excess = (upper - lower) * (0.05 + 0.6 * rng.next());
  const above = lower === 0 || rng.chance(0.5);
  const raw = above ? upper + excess : lower - excess;
  let e = round(raw, t.decimals);
  if (above && e <= upper) e = round(upper + step, t.decimals);
  if (!above && e >= lower) e = round(lower - step, t.decimals);
  return e;
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r; // no negative zero in the JSON
}
