// Everything a certificate (检定证书) or result notice (检定结果通知书) shows, after
// ../shared/domain/legal-metrology.md §2 and JJF 1002-2010 Annex G. Renderers (PDF, DCC XML) take
// exactly this; the service assembles it from the verification record, the registry and the
// certificate's history.
import type { Conclusion, Environment, StandardUsed, VerificationItem } from '../verification/types.ts';
import type { GumQuantity } from '../../metrology/gum/types.ts';

export type CertificateKind = 'certificate' | 'result_notice';
/** valid · expired (past valid-until) · revoked · superseded (a newer version exists). */
export type CertificateStatus = 'valid' | 'expired' | 'revoked' | 'superseded';

export interface CertificateParty {
  readonly name: string;
  readonly uscc: string;
  readonly address: string | null;
  readonly districtCode: string;
}

export interface CertificateInstrument {
  /** Registry id and the category of the compulsory-verification catalogue. */
  readonly id: number;
  readonly categoryCode: string;
  readonly categoryNameZh: string;
  readonly categoryNameEn: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly serialNo: string;
  readonly accuracyClass: string | null;
  readonly measuringRange: string | null;
}

export interface CertificateItem extends VerificationItem {
  /** The decision rule's verdict for the item (JCGM 106), when the item carried an uncertainty. */
  readonly decision?: { readonly rule: string; readonly accept: boolean; readonly pc?: number; readonly specificRisk?: number } | undefined;
}

export interface UncertaintyBudget {
  /** The measurement model: one expression, or one per output. */
  readonly model: string | Readonly<Record<string, string>>;
  readonly outputs: Readonly<Record<string, GumQuantity>>;
}

export interface CertificateDocument {
  readonly certificateNo: string;
  /** 1 for the first issue; each amendment is a new version referring to the previous one. */
  readonly version: number;
  readonly kind: CertificateKind;
  readonly status: CertificateStatus;
  /** ISO instant the version was issued. */
  readonly issuedAt: string;
  readonly supersedes: { readonly version: number; readonly reason: string } | null;
  readonly revocation: { readonly at: string; readonly reason: string } | null;
  readonly institution: CertificateParty & { readonly id: number };
  /** The client (委托方) — the instrument's owner. */
  readonly owner: CertificateParty;
  readonly instrument: CertificateInstrument;
  readonly verificationId: number;
  readonly verifiedOn: string;
  /** null for result notices and for instruments verified once (首次检定) without a cycle. */
  readonly validUntil: string | null;
  readonly conclusion: Conclusion;
  /** Names of the three signatories, as the regulation requires them on the cover. */
  readonly verifier: string;
  readonly checker: string;
  readonly approver: string;
  readonly regulation: string;
  readonly place: string;
  readonly environment: Environment;
  readonly standards: readonly StandardUsed[];
  readonly items: readonly CertificateItem[];
  readonly adjusted: boolean;
  /** The uncertainty budget recorded with a calibration (JCGM 100), printed as its own section. */
  readonly uncertaintyBudget?: UncertaintyBudget | null | undefined;
  /** The signed QR text (`JL1:…` or the verification URL with it after `#`). */
  readonly qrText: string;
  /** Public verification page of this certificate. */
  readonly verifyUrl: string;
}
