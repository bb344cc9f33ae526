// Where the demo city's instruments are and who owns them: counts per category split over districts
// by population, then handed to owners of the right kind (fuel dispensers to fuel stations, taxi
// meters to taxi companies …), each with a maker, model and site.
import type { InstrumentCategory } from '../../domain/registry/types.ts';
import { Prng, apportion, hashSeed } from './prng.ts';
import { HOSPITAL_DEPARTMENTS, PLANT_SITES, ROAD_SUFFIXES } from './names.ts';
import type { Institute, OrgDraft, OrgRegistry } from './organizations.ts';
import type { CategorySpec, MakerSpec, ModelSpec, OwnerKind } from './specs.ts';

export interface InstrumentDraft {
  readonly category: InstrumentCategory;
  readonly spec: CategorySpec;
  readonly maker: MakerSpec;
  readonly model: ModelSpec;
  readonly owner: OrgDraft;
  readonly district: string;
  readonly useDomain: string;
  readonly site: string;
  readonly institute: Institute;
  /** Seed of this instrument's own random stream (its history and records). */
  readonly seed: number;
}

/**
 * How strongly a category concentrates in the city centres (exponent on the district's boost):
 * taxis and chargers are urban, household meters follow population, and LPG gas meters are found
 * where the gas grid does not reach, in the counties.
 */
const URBAN_BIAS: Readonly<Record<string, number>> = {
  TAXI_METER: 2.5,
  EV_CHARGER_AC: 2.5,
  EV_CHARGER_DC: 2,
  RADAR_SPEED_METER: 1,
  ELECTRICITY_METER: 0.3,
  WATER_METER_DN25: 0.3,
  GAS_METER_NG: 0.6,
  GAS_METER_LPG: -2,
};

const SINGLETON_KINDS = new Set<OwnerKind>(['water', 'gas', 'power', 'police', 'environment']);

export function allocateInstruments(
  total: number,
  specs: readonly { spec: CategorySpec; category: InstrumentCategory }[],
  registry: OrgRegistry,
  seed: number,
): InstrumentDraft[] {
  const rng = new Prng(hashSeed(seed, 'allocation'));
  const districts = registry.districts;
  const drafts: InstrumentDraft[] = [];
  const perCategory = apportion(total, specs.map((s) => s.spec.share));
  const open = new Map<string, { owner: OrgDraft; left: number }>();
  const siteCounter = new Map<number, number>();
  const preferredMaker = new Map<string, MakerSpec>();
  const plates = new Set<string>();

  specs.forEach(({ spec, category }, ci) => {
    const bias = URBAN_BIAS[spec.code] ?? 1;
    const weights = districts.map((d) => registry.profile(d.code).population * registry.profile(d.code).boost ** bias);
    const perOwnerKind = apportion(perCategory[ci]!, spec.owners.map((o) => o.share));
    spec.owners.forEach((ownerShare, oi) => {
      const perDistrict = apportion(perOwnerKind[oi]!, weights);
      districts.forEach((district, di) => {
        const owners = ownersFor(registry, spec, ownerShare.kind, district.code, perDistrict[di]!, open, rng);
        for (const owner of owners) {
          const index = drafts.length;
          const n = (siteCounter.get(owner.index) ?? 0) + 1;
          siteCounter.set(owner.index, n);
          const irng = rng.fork('instrument', index);
          const makerKey = `${owner.index}:${spec.code}`;
          let maker = preferredMaker.get(makerKey);
          if (!maker) {
            maker = irng.weighted(spec.makers, (mk) => 1 / (1 + spec.makers.indexOf(mk)));
            preferredMaker.set(makerKey, maker);
          }
          // Owners mostly buy one brand; one in five instruments comes from another maker.
          if (irng.chance(0.2)) maker = irng.pick(spec.makers);
          drafts.push({
            category,
            spec,
            maker,
            model: irng.pick(maker.models),
            owner,
            district: district.code,
            useDomain: ownerShare.useDomain,
            site: siteOf(irng, registry, spec, owner, district.code, n, plates),
            institute: registry.instituteFor(district.code, { grid: spec.gridCentre ?? false, municipal: spec.municipalOnly ?? false }),
            seed: hashSeed(seed, 'instrument', index),
          });
        }
      });
    });
  });
  return drafts;
}

/**
 * The owner of each of `count` instruments of a category in a district: the district's singleton
 * (utility, police, monitoring station), existing factories for sound level meters, or owners of
 * the kind filled up to their size before a new one opens.
 */
function ownersFor(
  registry: OrgRegistry,
  spec: CategorySpec,
  kind: OwnerKind,
  district: string,
  count: number,
  open: Map<string, { owner: OrgDraft; left: number }>,
  rng: Prng,
): OrgDraft[] {
  const owners: OrgDraft[] = [];
  if (count === 0) return owners;
  if (SINGLETON_KINDS.has(kind)) {
    const owner = registry.singleton(kind as 'water' | 'gas' | 'power' | 'police' | 'environment', district);
    for (let i = 0; i < count; i++) owners.push(owner);
    return owners;
  }
  if (kind === 'factory' && spec.code !== 'PRESSURE_GAUGE') {
    const existing = registry.ownersOf('factory', district);
    const pool = existing.length ? existing : [registry.newOwner('factory', district)];
    for (let i = 0; i < count; i++) owners.push(rng.pick(pool));
    return owners;
  }
  const key = `${kind}:${district}`;
  while (owners.length < count) {
    let current = open.get(key);
    if (!current || current.left <= 0) {
      const owner = registry.newOwner(kind, district);
      current = { owner, left: owner.capacity };
      open.set(key, current);
    }
    const take = Math.min(count - owners.length, current.left);
    for (let i = 0; i < take; i++) owners.push(current.owner);
    current.left -= take;
  }
  return owners;
}

function siteOf(rng: Prng, registry: OrgRegistry, spec: CategorySpec, owner: OrgDraft, district: string, n: number, plates: Set<string>): string {
  const places = registry.profile(district).places;
  switch (owner.kind) {
    case 'water':
      return spec.code === 'WATER_METER_LARGE'
        ? `${registry.address(rng, district)} ${rng.pick(['商业综合体', '学校', '医院', '工业园区', '酒店', '小区'])}总表`
        : registry.household(rng, district);
    case 'gas':
    case 'power':
      return registry.household(rng, district);
    case 'fuel_station':
      return `${owner.address} ${n}号加油机`;
    case 'cng_station':
    case 'lpg_station':
      return `${owner.address} ${n}号加气机`;
    case 'taxi': {
      const letter = registry.profile(district).plate;
      for (;;) {
        const plate = `渝${letter}·T${rng.digits(4)}`;
        if (!plates.has(plate)) {
          plates.add(plate);
          return `车牌号 ${plate}`;
        }
      }
    }
    case 'market':
      return n === 1 ? `${owner.label}公平秤` : `${owner.label}${n - 1}号摊位`;
    case 'shop':
      // Supermarkets (companies, 91…) have several weighing counters; a small shop (92…) has its counter.
      return owner.uscc.startsWith('91') ? `${owner.address} ${rng.pick(['生鲜区', '果蔬区', '称重台', '熟食区'])}${rng.int(1, 6)}号` : owner.address;
    case 'hospital':
      return `${owner.label}${rng.pick(HOSPITAL_DEPARTMENTS)}`;
    case 'clinic':
      return `${owner.label}${rng.pick(['全科诊室', '预检分诊台', '护士站', '诊室', '健康小屋'])}`;
    case 'factory':
      return spec.code === 'SOUND_LEVEL_METER' ? `${owner.address} 安全环保部` : `${owner.address} ${rng.pick(PLANT_SITES)}`;
    case 'police':
      return spec.code === 'RADAR_SPEED_METER'
        ? rng.chance(0.4)
          ? `绕城高速 K${rng.int(1, 187)}+${rng.int(0, 9)}00 固定测速点`
          : `${rng.pick(places)}${rng.pick(ROAD_SUFFIXES)} ${rng.chance(0.5) ? '固定测速点' : '移动测速'}`
        : `${owner.label}交巡警${rng.pick(['一', '二', '三', '四', '五', '六'])}大队`;
    case 'environment':
      return `${owner.address} ${rng.pick(['噪声自动监测站', '监测车', '声学实验室', '功能区噪声监测点'])}`;
    case 'ev_operator':
      return `${registry.districtName(district)}${rng.pick(places)}${rng.pick(['公共充电站', '停车场充电站', '商业广场充电站', '公交场站充电站', '高速服务区充电站'])} ${n}号桩`;
    default:
      return owner.address;
  }
}
