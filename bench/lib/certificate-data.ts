// Data for the certificate benchmarks: verification institutes, verification records with the
// content the demo city gives them (the category's items, maximum permissible errors and standards
// from src/services/demo/specs.ts, measured errors by src/services/demo/records.ts), and the pieces
// the synthetic rows of the lookup benchmark are built from. The same seed and instrument id always
// give the same record.
import type { AppContext } from '../../src/services/context.ts';
import type { InstrumentCategory } from '../../src/domain/registry/types.ts';
import { CATEGORY_SPECS, type ItemTemplate } from '../../src/services/demo/specs.ts';
import { measuredItems } from '../../src/services/demo/records.ts';
import { Prng, hashSeed } from '../../src/services/demo/prng.ts';
import { composeUscc } from '../../src/domain/ids/uscc.ts';
import { addDays } from '../../src/domain/common/dates.ts';
import { validUntil } from '../../src/domain/verification/validity.ts';
import { judgeItem } from '../../src/domain/verification/item-decision.ts';
import { factsFromRecords, type CertificateFacts } from '../../src/services/certificates/certificate-assembly.ts';
import { systemCaller } from '../../src/domain/auth/actor.ts';

export const SYSTEM = systemCaller('bench');

/** The QR codes of the benchmark certificates open this base (a realistic length for the URL). */
export const BENCH_PUBLIC_URL = 'https://jiliang.cqsjd.example.cn';

export interface Institute {
  readonly id: number;
  readonly name: string;
  readonly districtCode: string;
  readonly lab: string;
  readonly verifiers: readonly string[];
  readonly approvers: readonly string[];
}

const INSTITUTES = [
  { name: '重庆市计量质量检测研究院', districtCode: '500112', address: '重庆市渝北区仙桃西路214号', verifiers: ['黄婷', '叶梓轩', '周杰', '刘洋', '陈静', '杨帆'], approvers: ['吴勇', '孙丽'] },
  { name: '国网重庆市电力公司计量中心', districtCode: '500108', address: '重庆市南岸区江南大道8号', verifiers: ['何刚', '郭敏', '马超', '罗丹'], approvers: ['梁伟'] },
  { name: '重庆市万州区计量检定测试所', districtCode: '500101', address: '重庆市万州区太白路42号', verifiers: ['谢军', '韩雪', '唐亮'], approvers: ['冯涛'] },
  { name: '重庆市涪陵区计量检定测试所', districtCode: '500102', address: '重庆市涪陵区兴华中路18号', verifiers: ['邓磊', '许娜', '曹阳'], approvers: ['彭静'] },
] as const;

/** Registers the four institutes (role verification_institute) through the organization service. */
export async function registerInstitutes(ctx: AppContext): Promise<Institute[]> {
  const out: Institute[] = [];
  for (const [i, inst] of INSTITUTES.entries()) {
    const org = await ctx.organizations.register(SYSTEM, {
      uscc: composeUscc('12', inst.districtCode, String(45_000_010 + i)),
      name: inst.name,
      districtCode: inst.districtCode,
      roles: ['verification_institute'],
      address: inst.address,
      contactName: inst.approvers[0],
      contactPhone: `023-6${String(7_100_000 + i)}`,
    });
    out.push({ id: org.id, name: inst.name, districtCode: inst.districtCode, lab: '检定室', verifiers: inst.verifiers, approvers: inst.approvers });
  }
  return out;
}

/** Electricity meters go to the grid's metering centre; everything else to one of the others by id. */
export function instituteFor(institutes: readonly Institute[], instrument: { id: number; category_code: string }): Institute {
  if (instrument.category_code === 'ELECTRICITY_METER') return institutes[1]!;
  const others = [institutes[0]!, institutes[0]!, institutes[2]!, institutes[3]!];
  return others[instrument.id % others.length]!;
}

const SPECS = new Map(CATEGORY_SPECS.map((s) => [s.code, s]));
const GENERIC_ITEMS: readonly ItemTemplate[] = [{ name: '示值误差', mpe: 2, unit: '%', decimals: 2 }];
const GENERIC_STANDARDS = [{ name: '计量标准装置', measuringRange: '全量程', uncertainty: 'U=0.5% (k=2)' }];
const OUTDOOR_C = [8, 10, 14, 19, 23, 26, 29, 29, 25, 19, 14, 9];

export interface BenchInstrument {
  readonly id: number;
  readonly category_code: string;
  readonly registered_on: string;
}

/**
 * The verification the institute records for an instrument: verified in the last year (not before
 * registration), pass or fail at the category's fail rate, the demo city's items and standards.
 */
export function verificationInput(instrument: BenchInstrument, institute: Institute, today: string, seed: number) {
  const rng = new Prng(hashSeed('bench-verification', seed, instrument.id));
  const spec = SPECS.get(instrument.category_code);
  const model = spec ? rng.pick(rng.pick(spec.makers).models) : undefined;
  const conclusion: 'pass' | 'fail' = rng.chance(spec?.failRate ?? 0.02) ? 'fail' : 'pass';
  const back = addDays(today, -rng.int(0, 364));
  const verifiedOn = back < instrument.registered_on ? instrument.registered_on : back;
  const verifier = rng.pick(institute.verifiers);
  const checker = institute.verifiers[(institute.verifiers.indexOf(verifier) + 1) % institute.verifiers.length]!;
  const onSite = spec?.onSite ?? false;
  const month = Number(verifiedOn.slice(5, 7)) - 1;
  return {
    institutionId: institute.id,
    verifiedOn,
    verifier,
    checker,
    approver: rng.pick(institute.approvers),
    place: onSite ? '现场：使用单位安装地点' : `${institute.name}${spec?.lab ?? institute.lab}`,
    environment: { temperatureC: Math.round((onSite ? OUTDOOR_C[month]! : 20) * 10 + rng.centered() * 15) / 10, humidityPct: rng.int(40, 75) },
    standards: (spec?.standards ?? GENERIC_STANDARDS).map((s, i) => ({
      name: s.name,
      certificateNo: `CQJL-${verifiedOn.slice(0, 4)}-${String(1000 + ((institute.id * 131 + i * 17) % 9000))}`,
      validUntil: addDays(verifiedOn, 200 + i * 30),
      measuringRange: s.measuringRange,
      uncertainty: s.uncertainty,
    })),
    items: measuredItems(model?.items ?? GENERIC_ITEMS, conclusion, rng),
    adjusted: false,
    conclusion,
  };
}

export type VerificationInput = ReturnType<typeof verificationInput>;

/** The instrument columns a verification and a certificate need, with the owner's. */
export interface InstrumentWithOwner extends BenchInstrument {
  readonly manufacturer: string;
  readonly model: string;
  readonly serial_no: string;
  readonly accuracy_class: string | null;
  readonly measuring_range: string | null;
  readonly installed_on: string | null;
  readonly service_life_months: number | null;
  readonly owner_name: string;
  readonly owner_uscc: string;
  readonly owner_address: string | null;
  readonly owner_district: string;
}

export const INSTRUMENT_WITH_OWNER = `
SELECT i.id, i.category_code, i.registered_on, i.manufacturer, i.model, i.serial_no, i.accuracy_class, i.measuring_range,
       i.installed_on, i.service_life_months, o.name AS owner_name, o.uscc AS owner_uscc, o.address AS owner_address, o.district_code AS owner_district
FROM instrument i JOIN organization o ON o.id = i.owner_id`;

/**
 * The verification row VerificationService.record writes for this input (without id and
 * document_no): the same derived columns — judged items, regulation, validity, catalogue edition.
 */
export function verificationRow(input: VerificationInput, instrument: InstrumentWithOwner, category: InstrumentCategory, recordedAt: string) {
  const valid =
    input.conclusion === 'pass'
      ? validUntil({ category, verifiedOn: input.verifiedOn, instrumentServiceLifeMonths: instrument.service_life_months, serviceStartOn: instrument.installed_on })
      : null;
  return {
    instrument_id: instrument.id,
    institution_id: input.institutionId,
    verified_on: input.verifiedOn,
    verifier: input.verifier,
    checker: input.checker,
    approver: input.approver,
    regulation: category.regulation,
    place: input.place,
    environment: JSON.stringify(input.environment),
    standards: JSON.stringify(input.standards),
    items: JSON.stringify(input.items.map((item) => ({ ...item, decision: judgeItem(item) }))),
    adjusted: input.adjusted ? 1 : 0,
    conclusion: input.conclusion,
    valid_until: valid,
    catalogue_edition: category.editionId,
    recorded_at: recordedAt,
    // The benchmark's records carry no GUM uncertainty budget.
    uncertainty_budget: null,
  };
}

export type VerificationRow = ReturnType<typeof verificationRow>;

export interface InstitutionRow {
  readonly id: number;
  readonly name: string;
  readonly uscc: string;
  readonly address: string | null;
  readonly district_code: string;
}

/** What certificateFacts assembles, from the rows at hand (the service's own builder). */
export function factsOf(
  v: VerificationRow & { id: number; document_no: string },
  instrument: InstrumentWithOwner,
  institution: InstitutionRow,
  category: InstrumentCategory | null,
): CertificateFacts {
  const owner = { name: instrument.owner_name, uscc: instrument.owner_uscc, address: instrument.owner_address, district_code: instrument.owner_district };
  return factsFromRecords({ verification: v, instrument, owner, institution, category });
}
