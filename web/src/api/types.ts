// Shapes of the HTTP API v1 (docs/API.md). JSON is camelCase; dates are YYYY-MM-DD.
import type { A3Result } from '../../../src/metrology/intervals/index.ts';
import type { CertificateStatus } from './publicCertificates.ts';
import type { GumRequest, GumResult } from './metrology.ts';

export type Lang = 'zh' | 'en';

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface District {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly kind: 'district' | 'county' | 'autonomous_county';
}

export interface Category {
  readonly code: string;
  readonly editionId: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly regulation: string;
  readonly supervisionMode: string;
  readonly verificationMode: string;
  readonly cycleMonths: number | null;
  readonly serviceLifeMonths: number | null;
  readonly useDomains: string[];
  readonly confirmed: boolean;
  /** false: outside the compulsory catalogue; the owner may adjust the calibration interval */
  readonly compulsory: boolean;
}

export interface UseDomain {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

export const ORGANIZATION_ROLES = [
  'owner',
  'verification_institute',
  'manufacturer',
  'seller',
  'repairer',
  'market_operator',
] as const;
export type Role = (typeof ORGANIZATION_ROLES)[number];

export interface Organization {
  readonly id: number;
  readonly uscc: string;
  readonly name: string;
  readonly districtCode: string;
  readonly roles: Role[];
  readonly address: string | null;
  readonly contactName: string | null;
  readonly contactPhone: string | null;
  readonly createdAt: string;
  readonly instrumentCount?: number;
}

export interface NewOrganization {
  uscc: string;
  name: string;
  districtCode: string;
  roles: Role[];
  address?: string;
  contactName?: string;
  contactPhone?: string;
}

export const INSTRUMENT_STATUSES = ['registered', 'in_use', 'suspended', 'scrapped'] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];

export const DUE_STATES = ['valid', 'due_soon', 'overdue', 'not_applicable'] as const;
export type DueState = (typeof DUE_STATES)[number];

export const INSTRUMENT_SORTS = ['nextDueOn', '-nextDueOn', 'id', '-id', 'registeredOn', '-registeredOn'] as const;
export type InstrumentSort = (typeof INSTRUMENT_SORTS)[number];

export interface Instrument {
  readonly id: number;
  readonly categoryCode: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly serialNo: string;
  readonly patternApprovalNo: string | null;
  readonly accuracyClass: string | null;
  readonly measuringRange: string | null;
  readonly site: string | null;
  readonly districtCode: string;
  readonly useDomain: string;
  readonly ownerId: number;
  readonly ownerName: string;
  readonly manufacturedOn: string | null;
  readonly registeredOn: string;
  readonly installedOn: string | null;
  readonly serviceLifeMonths: number | null;
  readonly status: InstrumentStatus;
  readonly suspensionReason: string | null;
  readonly nextDueOn: string | null;
  readonly dueState: DueState;
  readonly lastVerifiedOn: string | null;
  readonly lastConclusion: Conclusion | null;
  readonly createdAt: string;
}

export interface InstrumentPage extends Page<Instrument> {
  readonly asOf: string;
  readonly dueSoonDays: number;
}

export interface NewInstrument {
  categoryCode: string;
  manufacturer: string;
  model: string;
  serialNo: string;
  districtCode: string;
  useDomain: string;
  ownerId: number;
  patternApprovalNo?: string;
  accuracyClass?: string;
  measuringRange?: string;
  site?: string;
  manufacturedOn?: string;
  registeredOn?: string;
  installedOn?: string;
  serviceLifeMonths?: number;
}

export const EVENT_KINDS = ['registered', 'installed', 'suspended', 'resumed', 'repaired', 'scrapped', 'verified'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface InstrumentEvent {
  readonly id: number;
  readonly kind: EventKind;
  readonly occurredOn: string;
  readonly detail: unknown;
  readonly recordedAt: string;
}

export const MANUAL_ACTIONS = ['install', 'suspend', 'resume', 'repair', 'scrap'] as const;
export type ManualAction = (typeof MANUAL_ACTIONS)[number];

export type Conclusion = 'pass' | 'fail';

export interface StandardUsed {
  name: string;
  certificateNo?: string;
  measuringRange?: string;
  uncertainty?: string;
  validUntil?: string;
}

export type Mpe = number | { lower: number; upper: number };

export interface VerificationItem {
  name: string;
  nominal?: number;
  error: number;
  mpe: Mpe;
  unit?: string;
  /** Standard uncertainty of the error (same unit, > 0); the item is then judged by the decision rule. */
  u?: number;
  pass?: boolean;
  decision?: ItemDecision;
}

export type DecisionRuleName = 'simple' | 'guarded' | 'risk';

/** JCGM 106 / ILAC G8 decision rule for items that carry an uncertainty. */
export interface DecisionRule {
  rule: DecisionRuleName;
  /** Guard band w = k·u (guarded; default 2). */
  k?: number;
  /** Largest acceptable specific false-accept risk, in (0, 0.5] (risk; default 0.025). */
  targetPFA?: number;
}

export interface ItemDecision {
  readonly rule: DecisionRuleName;
  readonly accept: boolean;
  /** Probability of conformity and specific risk of the decision; present when the item had `u`. */
  readonly pc?: number;
  readonly specificRisk?: number;
}

export interface NewVerification {
  institutionId: number;
  verifiedOn: string;
  verifier: string;
  checker: string;
  approver: string;
  regulation?: string;
  place: string;
  environment: { temperatureC?: number; humidityPct?: number; other?: string };
  standards: StandardUsed[];
  items: VerificationItem[];
  adjusted: boolean;
  conclusion: Conclusion;
  decisionRule?: DecisionRule;
  /** GUM budget input (DESIGN.md §8 `gum`): computed by the server, stored and printed on the certificate. */
  uncertaintyBudget?: GumRequest;
}

export interface Verification extends Omit<NewVerification, 'uncertaintyBudget'> {
  readonly id: number;
  readonly instrumentId: number;
  readonly institutionName: string;
  readonly documentKind: 'certificate' | 'result_notice';
  readonly documentNo: string;
  readonly validUntil: string | null;
  readonly catalogueEdition: string;
  readonly recordedAt: string;
  /** The GUM input and the server's result, null when the record carries no uncertainty budget. */
  readonly uncertaintyBudget?: { readonly input: GumRequest; readonly result: GumResult } | null;
  /**
   * Its certificate's latest version and status, null while none has been issued. The instrument
   * detail carries it; a verification that comes from elsewhere (e.g. just recorded) does not.
   */
  readonly certificate?: CertificateSummary | null;
}

/** The latest version of a verification's certificate with its status on the server's date. */
export interface CertificateSummary {
  readonly certificateNo: string;
  readonly version: number;
  readonly status: CertificateStatus;
  readonly issuedAt: string;
}

export interface InstrumentDetail extends Instrument {
  readonly events: InstrumentEvent[];
  readonly verifications: Verification[];
}

export interface Counts {
  readonly valid: number;
  readonly dueSoon: number;
  readonly overdue: number;
  readonly notApplicable: number;
  readonly suspended: number;
  readonly total: number;
}

export interface DueSummary {
  readonly asOf: string;
  readonly dueSoonDays: number;
  readonly totals: Counts;
  readonly byDistrict: Array<Counts & { readonly districtCode: string }>;
}

export type ImportKind = 'instruments' | 'organizations';
export type ImportFormat = 'xlsx' | 'csv';
export type ImportMode = 'all' | 'valid-only';

export interface FieldProblem {
  readonly pointer: string;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** English specifics (metrology endpoints): what exactly is wrong with the value. */
  readonly detail?: string;
}

export interface ImportRowError extends FieldProblem {
  readonly column: string;
}

export interface ImportReport {
  readonly kind: ImportKind;
  readonly mode: ImportMode;
  readonly dryRun: boolean;
  readonly totalRows: number;
  readonly validRows: number;
  readonly errorRows: number;
  readonly written: number;
  readonly rows: Array<{ readonly row: number; readonly errors: ImportRowError[] }>;
}

/** RFC 9457 problem document as the server sends it. */
export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status: number;
  readonly code?: string;
  readonly detail?: string;
  readonly messages?: { readonly zh: string; readonly en: string };
  readonly errors?: FieldProblem[];
  readonly report?: ImportReport;
}

export type IntervalRecommendationReason = 'compulsory' | 'not_periodic' | 'insufficient_history' | 'no_results_near_current_interval';

/** GET /api/v1/instruments/{id}/interval-recommendation (NCSLI RP-1 method A3). */
export interface IntervalRecommendation {
  readonly instrumentId: number;
  readonly categoryCode: string;
  readonly compulsory: boolean;
  readonly applicable: boolean;
  readonly reason?: IntervalRecommendationReason;
  readonly message?: { readonly zh: string; readonly en: string };
  readonly reliabilityTarget: number;
  readonly currentIntervalDays: number | null;
  readonly history: readonly { fromOn: string; toOn: string; intervalDays: number; inTolerance: boolean }[];
  /** The engine's NCSLI RP-1 A3 result (a type-only import of src/metrology). */
  readonly recommendation?: A3Result & { readonly recommendedIntervalDays: number };
}
