// Vocabulary of the registry (备案). Values are the API's English names; labels live in the UI.

export const ORGANIZATION_ROLES = [
  'owner', // 使用单位
  'verification_institute', // 检定机构
  'manufacturer', // 制造单位
  'seller', // 销售单位
  'repairer', // 修理单位
  'market_operator', // 市场开办方
] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export const INSTRUMENT_STATUSES = ['registered', 'in_use', 'suspended', 'scrapped'] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];

/** P: pattern approval, V: verification; NONE: a non-compulsory category (calibration at the owner's discretion). */
export const SUPERVISION_MODES = ['P', 'V', 'P+V', 'NONE'] as const;
export type SupervisionMode = (typeof SUPERVISION_MODES)[number];

export const VERIFICATION_MODES = ['PERIODIC', 'FIRST_ONLY_SCRAP', 'FIRST_ONLY_FIXED_LIFE'] as const;
export type VerificationMode = (typeof VERIFICATION_MODES)[number];

export interface InstrumentCategory {
  readonly code: string;
  readonly editionId: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly regulation: string;
  readonly supervisionMode: SupervisionMode;
  readonly verificationMode: VerificationMode;
  readonly cycleMonths: number | null;
  readonly serviceLifeMonths: number | null;
  readonly useDomains: readonly string[];
  readonly confirmed: boolean;
  /** false for categories outside the compulsory catalogue, whose interval the owner may adjust */
  readonly compulsory: boolean;
}

export interface District {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly kind: 'district' | 'county' | 'autonomous_county';
}
