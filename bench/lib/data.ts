// Deterministic synthetic registry: organizations and instruments spread over Chongqing's 38
// districts and the 18 categories of the 2020 catalogue, with registrations over the last three
// years. The same seed always gives the same rows, so the raw baseline and the service path insert
// identical data.
import { addDays } from '../../src/domain/common/dates.ts';
import { composeUscc } from '../../src/domain/ids/uscc.ts';
import type { NewInstrument } from '../../src/services/schemas/instrument.ts';
import type { NewOrganization } from '../../src/services/schemas/organization.ts';
import type { InstrumentCategory, District } from '../../src/domain/registry/types.ts';

/** mulberry32: small, fast, good enough to spread synthetic data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;
  constructor(
    private readonly items: readonly T[],
    weight: (item: T) => number,
  ) {
    let sum = 0;
    for (const item of items) this.cumulative.push((sum += weight(item)));
    this.total = sum;
  }
  pick(r: number): T {
    const x = r * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

// The nine central districts hold most instruments; Yubei (500112) is the largest.
const URBAN = new Set(['500103', '500104', '500105', '500106', '500107', '500108', '500109', '500113']);
const SUBURBAN = new Set(['500101', '500102', '500110', '500111', '500115', '500116', '500117', '500118', '500119', '500120']);
function districtWeight(d: District): number {
  if (d.code === '500112') return 6;
  if (URBAN.has(d.code)) return 4;
  if (SUBURBAN.has(d.code)) return 2;
  return 1;
}

// Utility meters dominate a city's register; enforcement instruments are few.
const CATEGORY_WEIGHTS: Record<string, number> = {
  WATER_METER_DN25: 30,
  ELECTRICITY_METER: 25,
  GAS_METER_NG: 18,
  PRICE_SCALE: 8,
  WATER_METER_DN50: 4,
  SPHYGMOMANOMETER: 3,
  FUEL_DISPENSER: 2,
  PRESSURE_GAUGE: 2,
  EV_CHARGER_AC: 2,
  TAXI_METER: 1.5,
  GAS_METER_LPG: 1,
  EV_CHARGER_DC: 1,
};

const MAKERS = ['渝州', '嘉陵', '长江', '山城', '巴渝', '两江', '金佛山', '缙云', '歌乐', '南山', '朝天门', '解放碑', '磁器口', '武陵', '大巴山', '涪江', '綦江', '乌江', '龙兴', '仙女山'];
const MAKER_KINDS = ['仪表有限公司', '计量设备股份有限公司', '智能科技有限公司', '衡器有限公司'];

export interface SyntheticOwner {
  readonly id: number;
  readonly districtCode: string;
}

export function organizationInputs(count: number, districts: readonly District[], seed: number): NewOrganization[] {
  const random = prng(seed);
  const byWeight = new Weighted(districts, districtWeight);
  const inputs: NewOrganization[] = [];
  for (let k = 0; k < count; k++) {
    const district = byWeight.pick(random());
    const body8 = String(10_000_000 + k).slice(-8);
    inputs.push({
      uscc: composeUscc('91', district.code, body8),
      name: `重庆${MAKERS[k % MAKERS.length]}${['水务', '燃气', '电力', '商贸', '物业', '医院', '加油站'][k % 7]}有限公司第${k + 1}分公司`,
      districtCode: district.code,
      roles: ['owner'],
      address: `${district.nameZh}某路${(k % 300) + 1}号`,
      contactName: '张工',
      contactPhone: `023-6${String(1_000_000 + k).slice(-7)}`,
    });
  }
  return inputs;
}

/** Yields instrument registrations in batches; the n-th row is the same on every run with the same seed. */
export class InstrumentGenerator {
  private readonly random: () => number;
  private readonly districts: Weighted<District>;
  private readonly categories: Weighted<InstrumentCategory>;
  private next = 0;

  constructor(
    seed: number,
    districts: readonly District[],
    categories: readonly InstrumentCategory[],
    private readonly owners: readonly SyntheticOwner[],
    private readonly today: string,
  ) {
    this.random = prng(seed ^ 0x5bd1e995);
    this.districts = new Weighted(districts, districtWeight);
    this.categories = new Weighted(categories, (c) => CATEGORY_WEIGHTS[c.code] ?? 0.5);
  }

  batch(size: number): NewInstrument[] {
    const out: NewInstrument[] = [];
    for (let j = 0; j < size; j++) out.push(this.one());
    return out;
  }

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  private one(): NewInstrument {
    const i = this.next++;
    const category = this.categories.pick(this.random());
    const owner = this.owners[this.int(this.owners.length)]!;
    // Most instruments sit in their owner's district; chains and utilities span the city.
    const districtCode = this.random() < 0.9 ? owner.districtCode : this.districts.pick(this.random()).code;
    const makerIndex = this.int(MAKERS.length);
    const registeredOn = addDays(this.today, -1 - this.int(1095));
    const manufacturedOn = addDays(registeredOn, -7 - this.int(720));
    const installedOn = this.random() < 0.7 ? minDate(addDays(registeredOn, this.int(15)), this.today) : null;
    return {
      categoryCode: category.code,
      manufacturer: `${MAKERS[makerIndex]}${MAKER_KINDS[makerIndex % MAKER_KINDS.length]}`,
      model: `${category.code.slice(0, 3)}-${100 + this.int(8) * 10}`,
      // Serial numbers grow per maker and year, as on real nameplates: many insertion points.
      serialNo: `${String.fromCharCode(65 + makerIndex)}${manufacturedOn.slice(2, 4)}${String(i).padStart(8, '0')}`,
      districtCode,
      useDomain: category.useDomains[0]!,
      ownerId: owner.id,
      patternApprovalNo: this.random() < 0.8 ? `20${10 + this.int(15)}F${String(this.int(999)).padStart(3, '0')}-50` : null,
      accuracyClass: this.random() < 0.6 ? ['1级', '2级', 'Ⅲ', '0.5S', 'B级'][this.int(5)]! : null,
      measuringRange: this.random() < 0.5 ? `(0~${[2.5, 6, 10, 40, 60][this.int(5)]}) m³/h` : null,
      site: `${districtCode}号片区${this.int(2000) + 1}栋${this.int(30) + 1}单元`,
      manufacturedOn,
      registeredOn,
      installedOn,
      serviceLifeMonths: category.serviceLifeMonths,
    };
  }
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
