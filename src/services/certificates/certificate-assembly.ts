// Assembles a CertificateDocument from the verification record, the registry and the version's
// history. Issuing and rendering use the same assembly, so what is signed is what is printed.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { findVerificationById, type VerificationRow } from '../../store/repositories/verification-repository.ts';
import { findInstrumentById, type InstrumentRow } from '../../store/repositories/instrument-repository.ts';
import { findOrganizationById, type OrganizationRow } from '../../store/repositories/organization-repository.ts';
import { AppError } from '../../domain/errors.ts';
import type { CertificateDocument, CertificateParty, UncertaintyBudget } from '../../domain/certificates/certificate-document.ts';
import type { GumOutput } from '../../metrology/gum/types.ts';
import type { Conclusion } from '../../domain/verification/types.ts';
import type { ReferenceService } from '../reference-service.ts';
import type { InstrumentCategory } from '../../domain/registry/types.ts';

export type CertificateFacts = Omit<CertificateDocument, 'version' | 'status' | 'issuedAt' | 'supersedes' | 'revocation' | 'qrText' | 'verifyUrl'>;

type PartyRow = Pick<OrganizationRow, 'name' | 'uscc' | 'address' | 'district_code'>;

/** The records a certificate states, as rows (from the database, or built by the benchmark). */
export interface FactSources {
  readonly verification: Pick<
    VerificationRow,
    'id' | 'document_no' | 'conclusion' | 'verified_on' | 'valid_until' | 'verifier' | 'checker' | 'approver' | 'regulation' | 'place' | 'environment' | 'standards' | 'items' | 'adjusted' | 'uncertainty_budget'
  >;
  readonly instrument: Pick<InstrumentRow, 'id' | 'category_code' | 'manufacturer' | 'model' | 'serial_no' | 'accuracy_class' | 'measuring_range'>;
  readonly owner: PartyRow;
  readonly institution: PartyRow & { readonly id: number };
  readonly category: Pick<InstrumentCategory, 'nameZh' | 'nameEn'> | null | undefined;
}

/** Everything about the certificate that comes from the records (not from its history). */
export async function certificateFacts(db: Kysely<Database>, reference: ReferenceService, verificationId: number): Promise<CertificateFacts> {
  const verification = await findVerificationById(db, verificationId);
  if (!verification) throw new AppError('JL_ERR_NOT_FOUND');
  const instrument = (await findInstrumentById(db, verification.instrument_id))!;
  return factsFromRecords({
    verification,
    instrument,
    owner: (await findOrganizationById(db, instrument.owner_id))!,
    institution: (await findOrganizationById(db, verification.institution_id))!,
    category: reference.category(instrument.category_code),
  });
}

/** The facts from the rows they come from. */
export function factsFromRecords({ verification: v, instrument, owner, institution, category }: FactSources): CertificateFacts {
  const party = (o: PartyRow): CertificateParty => ({ name: o.name, uscc: o.uscc, address: o.address, districtCode: o.district_code });
  return {
    certificateNo: v.document_no,
    kind: v.conclusion === 'pass' ? 'certificate' : 'result_notice',
    institution: { ...party(institution), id: institution.id },
    owner: party(owner),
    instrument: {
      id: instrument.id,
      categoryCode: instrument.category_code,
      categoryNameZh: category?.nameZh ?? instrument.category_code,
      categoryNameEn: category?.nameEn ?? instrument.category_code,
      manufacturer: instrument.manufacturer,
      model: instrument.model,
      serialNo: instrument.serial_no,
      accuracyClass: instrument.accuracy_class,
      measuringRange: instrument.measuring_range,
    },
    verificationId: v.id,
    verifiedOn: v.verified_on,
    validUntil: v.valid_until,
    conclusion: v.conclusion as Conclusion,
    verifier: v.verifier,
    checker: v.checker,
    approver: v.approver,
    regulation: v.regulation,
    place: v.place,
    environment: JSON.parse(v.environment),
    standards: JSON.parse(v.standards),
    items: JSON.parse(v.items),
    adjusted: v.adjusted === 1,
    uncertaintyBudget: budgetOf(v.uncertainty_budget),
  };
}

function budgetOf(stored: string | null): UncertaintyBudget | null {
  if (!stored) return null;
  const { input, result } = JSON.parse(stored) as { input: { model: UncertaintyBudget['model'] }; result: GumOutput };
  return { model: input.model, outputs: result.outputs };
}
