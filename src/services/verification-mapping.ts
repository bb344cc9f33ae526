import type { VerificationRow } from '../store/repositories/verification-repository.ts';
import type { VerificationItem } from '../domain/verification/types.ts';
import { judgeItem, type ItemDecision } from '../domain/verification/item-decision.ts';
import type { Verification } from './schemas/verification.ts';

export function toVerification(row: VerificationRow & { institution_name: string }): Verification {
  // Items recorded before decision rules carry no decision: they were judged by simple acceptance.
  const items = JSON.parse(row.items) as (VerificationItem & { decision?: ItemDecision })[];
  return {
    id: row.id,
    instrumentId: row.instrument_id,
    institutionId: row.institution_id,
    institutionName: row.institution_name,
    verifiedOn: row.verified_on,
    verifier: row.verifier,
    checker: row.checker,
    approver: row.approver,
    regulation: row.regulation,
    place: row.place,
    environment: JSON.parse(row.environment) as Verification['environment'],
    standards: JSON.parse(row.standards) as Verification['standards'],
    items: items.map((i) => {
      const decision = i.decision ?? judgeItem(i);
      return { ...i, decision, pass: decision.accept };
    }) as Verification['items'],
    adjusted: row.adjusted === 1,
    conclusion: row.conclusion as Verification['conclusion'],
    documentKind: row.conclusion === 'pass' ? 'certificate' : 'result_notice',
    documentNo: row.document_no,
    validUntil: row.valid_until,
    catalogueEdition: row.catalogue_edition,
    recordedAt: row.recorded_at,
    uncertaintyBudget: row.uncertainty_budget ? (JSON.parse(row.uncertainty_budget) as { input: unknown; result: unknown }) : null,
  };
}
