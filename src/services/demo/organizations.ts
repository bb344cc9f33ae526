// The organisations of the demo city: verification institutes with their staff, manufacturers and
// repairers based in Chongqing, and the owners of instruments, created on demand per district and
// kind. Every USCC is composed with valid check characters and the district's division code.
import { composeUscc } from '../../domain/ids/uscc.ts';
import type { OrganizationRole } from '../../domain/registry/types.ts';
import type { District } from '../../domain/registry/types.ts';
import { Prng, hashSeed } from './prng.ts';
import {
  COMMUNITIES,
  DISTRICT_PROFILES,
  GIVEN_NAMES,
  INDUSTRIES,
  MAIN_URBAN,
  MAJOR_HOSPITALS,
  ROAD_SUFFIXES,
  SHOP_KINDS,
  SURNAMES,
  TRADE_NAMES,
  type DistrictProfile,
} from './names.ts';
import type { OwnerKind } from './specs.ts';

export type OrgKind = OwnerKind | 'institute' | 'maker' | 'repairer';
export type RepairTrade = 'scales' | 'dispensers' | 'general';

export interface OrgDraft {
  /** Position in the organisation list; the row id is the base id plus this. */
  readonly index: number;
  readonly kind: OrgKind;
  readonly uscc: string;
  readonly name: string;
  /** Shorter name used in sites and verification places (两路农贸市场). */
  readonly label: string;
  readonly district: string;
  readonly roles: readonly OrganizationRole[];
  readonly address: string;
  readonly contactName: string;
  readonly contactPhone: string;
  /** How many instruments this owner should hold (owners created on demand). */
  capacity: number;
}

export interface Institute {
  readonly org: OrgDraft;
  /** Prefix of its standards' certificate numbers. */
  readonly certPrefix: string;
  readonly verifiers: readonly string[];
  readonly approvers: readonly string[];
}

// Characters of GB 11714 organisation codes that are also valid in a USCC (no I, O, S, V, Z).
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Institutes: the municipal institute (also the only one for radar, alcohol and sound), district ones, and the grid's metering centre. */
const INSTITUTES: readonly { name: string; district: string; serves: readonly string[]; prefix: string; staff: number }[] = [
  { name: '重庆市计量质量检测研究院', district: '500112', serves: ['500103', '500105', '500108', '500112', '500104'], prefix: 'CQJL', staff: 30 },
  { name: '重庆市沙坪坝区计量检定所', district: '500106', serves: ['500106'], prefix: 'SPBJ', staff: 12 },
  { name: '重庆市九龙坡区计量检定测试所', district: '500107', serves: ['500107'], prefix: 'JLPJ', staff: 12 },
  { name: '重庆市北碚区检验检测中心', district: '500109', serves: ['500109'], prefix: 'BBJC', staff: 9 },
  { name: '重庆市巴南区检验检测中心', district: '500113', serves: ['500113', '500110', '500119'], prefix: 'BNJC', staff: 12 },
  { name: '重庆市万州区计量检定测试所', district: '500101', serves: ['500101', '500235', '500236', '500237', '500238', '500233', '500155'], prefix: 'WZJL', staff: 16 },
  { name: '重庆市开州区检验检测中心', district: '500154', serves: ['500154', '500229'], prefix: 'KZJC', staff: 8 },
  { name: '重庆市涪陵区检验检测中心', district: '500102', serves: ['500102', '500115', '500231', '500230', '500156'], prefix: 'FLJC', staff: 14 },
  { name: '重庆市黔江区计量检定所', district: '500114', serves: ['500114', '500240', '500241', '500242', '500243'], prefix: 'QJJL', staff: 10 },
  { name: '重庆市永川区计量检定测试所', district: '500118', serves: ['500118', '500153', '500111'], prefix: 'YCJL', staff: 11 },
  { name: '重庆市江津区检验检测中心', district: '500116', serves: ['500116', '500120'], prefix: 'JJJC', staff: 11 },
  { name: '重庆市合川区计量检定所', district: '500117', serves: ['500117', '500151', '500152'], prefix: 'HCJL', staff: 10 },
  { name: '国网重庆市电力公司营销服务中心', district: '500107', serves: [], prefix: 'GWJL', staff: 20 },
];

export const GRID_CENTRE_NAME = '国网重庆市电力公司营销服务中心';
export const MUNICIPAL_INSTITUTE_NAME = '重庆市计量质量检测研究院';

interface OwnerNaming {
  readonly name: string;
  readonly label: string;
  readonly authority: string;
  readonly landline: boolean;
  /** Size tier (supermarket vs shop, major vs district hospital). */
  readonly tier?: number;
  readonly roles?: OrganizationRole[];
  readonly place?: string | undefined;
  readonly street?: string | undefined;
  readonly contact?: string | undefined;
}

export class OrgRegistry {
  readonly orgs: OrgDraft[] = [];
  readonly institutes: Institute[] = [];
  private readonly instituteByDistrict = new Map<string, Institute>();
  private readonly usccs = new Set<string>();
  private readonly names = new Set<string>();
  private readonly singletons = new Map<string, OrgDraft>();
  /** Per district and kind, how many owners were created (drives the next name). */
  private readonly created = new Map<string, number>();
  private readonly byDistrictKind = new Map<string, OrgDraft[]>();

  constructor(
    private readonly rng: Prng,
    readonly districts: readonly District[],
  ) {}

  profile(code: string): DistrictProfile {
    const p = DISTRICT_PROFILES[code];
    if (!p) throw new Error(`no demo profile for district ${code}`);
    return p;
  }

  districtName(code: string): string {
    return this.districts.find((d) => d.code === code)!.nameZh;
  }

  personName(rng: Prng = this.rng): string {
    // Frequent surnames far more often than rare ones, as in any staff list.
    const s = SURNAMES[Math.floor(SURNAMES.length * rng.next() * rng.next())]!;
    return s + rng.pick(GIVEN_NAMES);
  }

  createInstitutes(): void {
    for (const spec of INSTITUTES) {
      const rng = this.rng.fork('institute', spec.name);
      const grid = spec.name === GRID_CENTRE_NAME;
      const org = this.add(rng, {
        kind: 'institute',
        name: spec.name,
        label: spec.name,
        district: spec.district,
        roles: ['verification_institute'],
        authority: grid ? '91' : '12',
        landline: true,
      });
      const people = new Set<string>();
      while (people.size < spec.staff + 3) people.add(this.personName(rng));
      const all = [...people];
      const institute: Institute = { org, certPrefix: spec.prefix, approvers: all.slice(0, 3), verifiers: all.slice(3) };
      this.institutes.push(institute);
      for (const d of spec.serves) this.instituteByDistrict.set(d, institute);
    }
    for (const d of this.districts) {
      if (!this.instituteByDistrict.has(d.code)) throw new Error(`no institute serves district ${d.code}`);
    }
  }

  instituteFor(district: string, options: { grid?: boolean; municipal?: boolean }): Institute {
    if (options.grid) return this.institutes.find((i) => i.org.name === GRID_CENTRE_NAME)!;
    if (options.municipal) return this.institutes.find((i) => i.org.name === MUNICIPAL_INSTITUTE_NAME)!;
    return this.instituteByDistrict.get(district)!;
  }

  /** A manufacturer based in Chongqing (listed once however many categories it makes). */
  maker(name: string, district: string): OrgDraft {
    const existing = this.orgs.find((o) => o.name === name);
    if (existing) return existing;
    return this.add(this.rng.fork('maker', name), { kind: 'maker', name, label: name, district, roles: ['manufacturer', 'seller'], authority: '91', landline: true });
  }

  /**
   * Repairers and sellers (修理/销售单位), named in repair events; they hold no instruments. Each
   * works on one trade: scales, dispensers, or instruments in general.
   */
  createRepairers(count: number): Record<RepairTrade, string[]> {
    const rng = this.rng.fork('repairers');
    const made: Record<RepairTrade, string[]> = { scales: [], dispensers: [], general: [] };
    const trades: readonly [RepairTrade, readonly string[]][] = [
      ['scales', ['衡器', '电子衡器']],
      ['dispensers', ['加油设备维修', '加油加气设备']],
      ['general', ['计量仪器维修', '仪器仪表']],
    ];
    for (let i = 0; i < Math.max(count, trades.length); i++) {
      const [trade, words] = trades[i % trades.length]!;
      const district = this.weightedDistrict(rng);
      const name = this.uniqueName(rng, () => `重庆${rng.pick(TRADE_NAMES)}${rng.pick(words)}有限公司`);
      this.add(rng, { kind: 'repairer', name, label: name, district, roles: ['repairer', 'seller'], authority: '91', landline: rng.chance(0.5) });
      made[trade].push(name);
    }
    return made;
  }

  /** The single water/gas/power company, police authority or monitoring station of a district. */
  singleton(kind: 'water' | 'gas' | 'power' | 'police' | 'environment', district: string): OrgDraft {
    const key = `${kind}:${district}`;
    const found = this.singletons.get(key);
    if (found) return found;
    const rng = this.rng.fork('singleton', key);
    const full = this.districtName(district);
    const short = this.profile(district).short;
    const isCounty = full.endsWith('县');
    const variant = hashSeed(key) % 3;
    let name: string;
    let authority = '91';
    let roles: OrganizationRole[] = ['owner'];
    switch (kind) {
      case 'water':
        name = district === '500103' ? '重庆市自来水有限公司' : `重庆市${full}${['自来水有限公司', '供排水有限责任公司', '供水有限公司'][variant]}`;
        break;
      case 'gas':
        name = MAIN_URBAN.has(district) ? `重庆燃气集团股份有限公司${short}分公司` : `重庆市${full}${['天然气有限公司', '燃气有限责任公司', '天然气有限公司'][variant]}`;
        break;
      case 'power':
        name = `国网重庆市电力公司${district === '500103' ? '市区' : short}供电分公司`;
        break;
      case 'police':
        name = isCounty ? `重庆市${full}公安局` : `重庆市公安局${full}分局`;
        authority = '11';
        break;
      case 'environment':
        name = `重庆市${full}生态环境监测站`;
        authority = '12';
        roles = ['owner'];
        break;
    }
    const org = this.add(rng, { kind, name, label: name, district, roles, authority, landline: true });
    this.singletons.set(key, org);
    return org;
  }

  /** Owners of a kind already created in a district (e.g. factories that also own sound level meters). */
  ownersOf(kind: OwnerKind, district: string): readonly OrgDraft[] {
    return this.byDistrictKind.get(`${kind}:${district}`) ?? [];
  }

  /** A new owner of the given kind in the district, sized by the kind's usual number of instruments. */
  newOwner(kind: OwnerKind, district: string): OrgDraft {
    const key = `${kind}:${district}`;
    const n = this.created.get(key) ?? 0;
    this.created.set(key, n + 1);
    const rng = this.rng.fork('owner', key, n);
    const named = this.ownerName(rng, kind, district, n);
    const org = this.add(rng, { kind, district, roles: ['owner'], ...named });
    org.capacity = this.ownerSize(rng, kind, district, named.tier ?? 0);
    const list = this.byDistrictKind.get(key) ?? [];
    list.push(org);
    this.byDistrictKind.set(key, list);
    return org;
  }

  private ownerName(rng: Prng, kind: OwnerKind, district: string, n: number): OwnerNaming {
    const named = this.ownerNaming(rng, kind, district, n);
    return { ...named, place: this.lastPlace, street: this.lastStreet };
  }

  // The place drawn last for a name, so that the address lies in the street the name mentions.
  private lastPlace: string | undefined;
  private lastStreet: string | undefined;
  private lastPerson: string | undefined;

  private ownerNaming(rng: Prng, kind: OwnerKind, district: string, n: number): OwnerNaming {
    const full = this.districtName(district);
    const p = this.profile(district);
    const short = p.short;
    this.lastPlace = undefined;
    this.lastStreet = undefined;
    this.lastPerson = undefined;
    const place = () => {
      this.lastStreet = undefined;
      return (this.lastPlace = rng.pick(p.places));
    };
    const road = () => (this.lastStreet = this.street(rng, district, place()));
    const person = () => (this.lastPerson = this.personName(rng));
    const county = full.endsWith('县');
    switch (kind) {
      case 'fuel_station': {
        const brand = rng.weightedIndex([5, 3, 2]);
        let label = '';
        const name = this.uniqueName(rng, () => {
          label = `${rng.chance(0.35) ? road() : place()}加油站`;
          if (brand === 0) return `中国石化销售股份有限公司重庆${short}${label}`;
          if (brand === 1) return `中国石油天然气股份有限公司重庆${short}销售分公司${label}`;
          return `重庆${rng.pick(TRADE_NAMES)}石油有限公司${short}${label}`;
        });
        return { name, label: name, authority: '91', landline: true };
      }
      case 'cng_station': {
        const name = this.uniqueName(rng, () =>
          rng.chance(0.5)
            ? `重庆${rng.pick(TRADE_NAMES)}天然气有限公司${short}${place()}加气站`
            : `中国石油天然气股份有限公司重庆${short}销售分公司${road()}CNG加气站`,
        );
        return { name, label: name, authority: '91', landline: true };
      }
      case 'lpg_station': {
        const name = this.uniqueName(rng, () => `重庆${rng.pick(TRADE_NAMES)}液化气有限公司${short}${place()}加气站`);
        return { name, label: name, authority: '91', landline: true };
      }
      case 'taxi': {
        const name = this.uniqueName(rng, () =>
          MAIN_URBAN.has(district) || rng.chance(0.3) ? `重庆${rng.pick(TRADE_NAMES)}出租汽车有限公司` : `重庆市${full}${rng.pick(TRADE_NAMES)}出租汽车有限责任公司`,
        );
        return { name, label: name, authority: '91', landline: true };
      }
      case 'market': {
        let label = '';
        const name = this.uniqueName(rng, () => {
          label = rng.chance(0.2) ? `${road()}农贸市场` : `${place()}${rng.pick(['农贸市场', '农贸市场', '菜市场', '综合市场'])}`;
          return rng.chance(0.85) ? `重庆市${full}${label}管理有限公司` : `重庆${rng.pick(TRADE_NAMES)}农产品市场经营管理有限公司`;
        });
        if (!label || !name.includes(label)) label = name.replace(/(经营)?管理有限公司$/, '');
        return { name, label, authority: '91', landline: rng.chance(0.6), roles: ['owner', 'market_operator'] };
      }
      case 'shop': {
        if (rng.chance(0.08)) {
          const name = this.uniqueName(rng, () => {
            const chain = rng.weightedIndex([3, 3, 4]);
            if (chain === 0) return `重庆永辉超市有限公司${short}${place()}分公司`;
            if (chain === 1) return `重庆商社新世纪百货连锁经营有限公司${short}${place()}店`;
            return `重庆${rng.pick(TRADE_NAMES)}超市有限公司${place()}店`;
          });
          return { name, label: name, authority: '91', landline: true, tier: 1 };
        }
        // Individual businesses (个体工商户) are named after their keeper, who is also the contact.
        const name = this.uniqueName(rng, () => {
          const keeper = person();
          const who = rng.chance(0.5) ? `${keeper[0]}记` : rng.chance(0.5) ? keeper : rng.pick(TRADE_NAMES);
          return `${full}${place()}${who}${rng.pick(SHOP_KINDS)}`;
        });
        return { name, label: name, authority: '92', landline: false, contact: this.lastPerson };
      }
      case 'hospital': {
        const majors = MAJOR_HOSPITALS.filter((h) => h.district === district);
        if (n < majors.length) return { name: this.reserve(majors[n]!.name), label: majors[n]!.name, authority: '12', landline: true, tier: 2 };
        const tiers = [`重庆市${full}人民医院`, `重庆市${full}中医院`, `重庆市${full}妇幼保健院`, `重庆市${full}第二人民医院`];
        const k = n - majors.length;
        if (k < tiers.length && !this.names.has(tiers[k]!)) return { name: this.reserve(tiers[k]!), label: tiers[k]!, authority: '12', landline: true, tier: 1 };
        const name = this.uniqueName(rng, () => `重庆${rng.pick(TRADE_NAMES)}${rng.pick(['医院', '中西医结合医院', '骨科医院', '心血管病医院'])}${rng.chance(0.5) ? '有限公司' : ''}`);
        return { name, label: name, authority: name.endsWith('有限公司') ? '91' : '52', landline: true };
      }
      case 'clinic': {
        const r = rng.next();
        if (r < 0.45) {
          const name = this.uniqueName(rng, () => (county ? `${full}${place()}镇卫生院` : `重庆市${full}${place()}街道社区卫生服务中心`));
          return { name, label: name, authority: '12', landline: true, tier: 1 };
        }
        const name = this.uniqueName(rng, () =>
          r < 0.7 ? `重庆${rng.pick(TRADE_NAMES)}门诊部有限公司` : `${full}${place()}${person()}诊所`,
        );
        const company = name.endsWith('有限公司');
        return { name, label: name, authority: company ? '91' : '92', landline: company, ...(company ? {} : { contact: this.lastPerson }) };
      }
      case 'factory': {
        const name = this.uniqueName(rng, () =>
          rng.chance(0.6) ? `重庆${rng.pick(TRADE_NAMES)}${rng.pick(INDUSTRIES)}有限公司` : `重庆市${short}${rng.pick(TRADE_NAMES)}${rng.pick(INDUSTRIES)}有限责任公司`,
        );
        return { name, label: name, authority: '91', landline: true };
      }
      case 'ev_operator': {
        const name = this.uniqueName(rng, () =>
          `重庆${rng.chance(0.5) ? short : ''}${rng.pick(TRADE_NAMES)}${rng.pick(['新能源科技有限公司', '充电科技有限公司', '智慧停车有限公司', '新能源汽车服务有限公司'])}`,
        );
        return { name, label: name, authority: '91', landline: true };
      }
      default:
        throw new Error(`owner kind ${kind} is a singleton`);
    }
  }

  private ownerSize(rng: Prng, kind: OwnerKind, district: string, tier: number): number {
    const main = MAIN_URBAN.has(district);
    switch (kind) {
      case 'fuel_station':
        return rng.int(4, 12);
      case 'cng_station':
        return rng.int(2, 6);
      case 'lpg_station':
        return rng.int(2, 4);
      case 'taxi':
        return main ? rng.int(120, 600) : rng.int(20, 150);
      case 'market':
        return rng.int(15, 80);
      case 'shop':
        return tier === 1 ? rng.int(8, 30) : rng.int(1, 2);
      case 'hospital':
        return tier === 2 ? rng.int(80, 250) : tier === 1 ? rng.int(25, 90) : rng.int(8, 30);
      case 'clinic':
        return tier === 1 ? rng.int(3, 12) : rng.int(1, 3);
      case 'factory':
        return 3 + Math.floor(57 * rng.next() * rng.next());
      case 'ev_operator':
        return 10 + Math.floor(140 * rng.next() * rng.next());
      default:
        return Number.MAX_SAFE_INTEGER;
    }
  }

  /** An address in the district, in the given street or place if any: 重庆市渝北区两路正街123号. */
  address(rng: Prng, district: string, place?: string, street?: string): string {
    return `重庆市${this.districtName(district)}${street ?? this.street(rng, district, place)}${rng.int(1, 399)}号`;
  }

  /** A household address for a utility meter. */
  household(rng: Prng, district: string): string {
    return `${this.districtName(district)}${this.street(rng, district)}${rng.int(1, 299)}号${rng.pick(COMMUNITIES)}${rng.int(1, 28)}栋${rng.int(1, 4)}单元${rng.int(1, 33)}-${rng.int(1, 8)}`;
  }

  /** A street named after a place (两路正街, 回兴大道); places that already are roads stay as they are. */
  street(rng: Prng, district: string, place?: string): string {
    const p = place ?? rng.pick(this.profile(district).places);
    return /[路街]$/.test(p) ? p : `${p}${rng.pick(ROAD_SUFFIXES)}`;
  }

  weightedDistrict(rng: Prng): string {
    return rng.weighted(this.districts, (d) => this.profile(d.code).population * this.profile(d.code).boost).code;
  }

  private reserve(name: string): string {
    this.names.add(name);
    return name;
  }

  private uniqueName(rng: Prng, make: () => string): string {
    for (let attempt = 0; attempt < 12; attempt++) {
      const name = make();
      if (!this.names.has(name)) return this.reserve(name);
    }
    // Crowded districts run out of plain combinations: number the branch, as real registers do.
    const base = make();
    for (let k = 2; ; k++) {
      const name = base.replace(/(加油站|加气站|市场管理有限公司|分公司|店|有限公司|有限责任公司|诊所|卫生服务中心|卫生院)$/, `第${k}$1`);
      if (!this.names.has(name)) return this.reserve(name);
      if (name === base) return this.reserve(`${base}（${rng.int(2, 99)}）`);
    }
  }

  private uscc(rng: Prng, authority: string, district: string): string {
    for (;;) {
      let body: string;
      if (authority === '91' || authority === '92') {
        // Codes issued since 2015 start with MA; older firms keep their 8-digit organisation code.
        body = rng.chance(0.7) ? `MA${rng.pick(['5U', '60', '61', '5Y', '5X'])}${this.codeChars(rng, 4)}` : rng.digits(8);
      } else {
        body = `${rng.pick(['00', '45', '50', '20'])}${rng.digits(6)}`;
      }
      const code = composeUscc(authority, district, body);
      if (!this.usccs.has(code)) {
        this.usccs.add(code);
        return code;
      }
    }
  }

  private codeChars(rng: Prng, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += CODE_CHARS[Math.floor(rng.next() * CODE_CHARS.length)];
    return s;
  }

  private phone(rng: Prng, landline: boolean): string {
    return landline ? `023-${rng.pick(['6', '8', '4'])}${rng.digits(7)}` : `1${rng.pick(['3', '5', '7', '8', '9'])}${rng.digits(9)}`;
  }

  private add(
    rng: Prng,
    o: {
      kind: OrgKind;
      name: string;
      label: string;
      district: string;
      roles: readonly OrganizationRole[];
      authority: string;
      landline: boolean;
      place?: string | undefined;
      street?: string | undefined;
      contact?: string | undefined;
    },
  ): OrgDraft {
    this.names.add(o.name);
    const org: OrgDraft = {
      index: this.orgs.length,
      kind: o.kind,
      uscc: this.uscc(rng, o.authority, o.district),
      name: o.name,
      label: o.label,
      district: o.district,
      roles: o.roles,
      address: this.address(rng, o.district, o.place, o.street),
      contactName: o.contact ?? this.personName(rng),
      contactPhone: this.phone(rng, o.landline),
      capacity: 0,
    };
    this.orgs.push(org);
    return org;
  }
}
