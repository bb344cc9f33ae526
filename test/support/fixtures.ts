// Small valid inputs for tests. USCCs are the synthetic and public test codes of
// shared/domain/legal-metrology.md §3 (correct check digits, not real entities where synthetic).
import type { AppContext } from '../../src/services/context.ts';
import { SYSTEM } from './dialects.ts';

export const USCC = {
  market: '91500103MA5U00011H',
  station: '915001122030004144',
  institute: '125000004500001712',
  other1: '91310110666007217T',
  other2: '913502000728319549',
  invalid: '91350203M0001QAY9B',
} as const;

export function organizationInput(overrides: Record<string, unknown> = {}) {
  return { uscc: USCC.market, name: '重庆市渝中区示例农贸市场有限公司', districtCode: '500103', roles: ['owner', 'market_operator'], ...overrides };
}

export function instrumentInput(ownerId: number, overrides: Record<string, unknown> = {}) {
  return {
    categoryCode: 'PRICE_SCALE',
    manufacturer: '上海友声衡器有限公司',
    model: 'ACS-15',
    serialNo: 'YS2024000123',
    districtCode: '500103',
    useDomain: 'TRADE',
    ownerId,
    manufacturedOn: '2024-03-01',
    registeredOn: '2024-04-02',
    installedOn: '2024-04-01',
    ...overrides,
  };
}

export function verificationInput(institutionId: number, overrides: Record<string, unknown> = {}) {
  return {
    institutionId,
    verifiedOn: '2026-06-01',
    verifier: '王检定',
    checker: '李核验',
    approver: '赵批准',
    place: '现场',
    environment: { temperatureC: 21.5, humidityPct: 55 },
    standards: [{ name: 'M1 等级砝码', certificateNo: 'ZL2026-0001', uncertainty: 'M1' }],
    items: [
      { name: '称量 5 kg', nominal: 5000, error: 1, mpe: 5, unit: 'g' },
      { name: '称量 15 kg', nominal: 15000, error: -3, mpe: 10, unit: 'g' },
    ],
    adjusted: false,
    conclusion: 'pass',
    ...overrides,
  };
}

/** Registers a market owner and an institute; returns their ids. */
export async function seedOrganizations(ctx: AppContext): Promise<{ ownerId: number; institutionId: number }> {
  const owner = await ctx.organizations.register(SYSTEM, organizationInput());
  const institute = await ctx.organizations.register(SYSTEM, 
    organizationInput({ uscc: USCC.institute, name: '重庆市计量质量检测研究院', roles: ['verification_institute'], districtCode: '500112' }),
  );
  return { ownerId: owner.id, institutionId: institute.id };
}
