// Recording a verification (检定): checks, certificate or result-notice number, validity, and the
// instrument's status and next due date — all in one transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import * as instruments from '../store/repositories/instrument-repository.ts';
import * as orgs from '../store/repositories/organization-repository.ts';
import * as verifications from '../store/repositories/verification-repository.ts';
import { AppError, fieldError, validationError, type FieldError } from '../domain/errors.ts';
import { applyEvent, type SuspensionReason } from '../domain/registry/lifecycle.ts';
import type { InstrumentStatus } from '../domain/registry/types.ts';
import { validUntil } from '../domain/verification/validity.ts';
import { nextDueOn } from '../domain/verification/due-state.ts';
import { judgeItem } from '../domain/verification/item-decision.ts';
import { MetrologyInputError, runMetrology } from '../metrology/index.ts';
import { metrologyFieldErrors } from './metrology-field-errors.ts';
import { formatDocumentNo } from '../domain/verification/document-number.ts';
import { assertSchema } from './validation.ts';
import { NewVerification, type Verification } from './schemas/verification.ts';
import { toVerification } from './verification-mapping.ts';
import type { ReferenceService } from './reference-service.ts';
import type { Clock } from './clock.ts';
import type { Caller } from '../domain/auth/actor.ts';
import { auditEntry, instrumentTenant, type AccessService } from './access-service.ts';
import type { AuditService } from './audit/audit-service.ts';

export class VerificationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly reference: ReferenceService,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** Institute staff record in their own institute's name, on any instrument they may read. */
  async record(caller: Caller, instrumentId: number, input: unknown): Promise<Verification> {
    const action = 'verification.record';
    await this.access.require(caller, 'verification:record', action);
    const found = await instruments.findInstrumentById(this.db, instrumentId);
    if (!found) throw new AppError('JL_ERR_NOT_FOUND');
    await this.access.requireOn(caller, 'registry:read', action, { type: 'instrument', id: instrumentId }, instrumentTenant(found));
    const v = assertSchema(NewVerification, input);
    await this.access.requireCreateIn(caller, 'verification:record', action, { organizationIds: [v.institutionId] }, '/institutionId');
    const today = this.clock.today();
    const id = await this.db.transaction().execute(async (trx) => {
      const instrument = await instruments.findInstrumentById(trx, instrumentId);
      if (!instrument) throw new AppError('JL_ERR_NOT_FOUND');
      if (instrument.status === 'scrapped') throw new AppError('JL_ERR_INVALID_TRANSITION', [fieldError('', 'instrument_scrapped')]);
      const category = this.reference.category(instrument.category_code);
      if (!category) throw new Error(`instrument ${instrumentId} has category ${instrument.category_code}, absent from the catalogue in force`);

      const errors: FieldError[] = [];
      const institution = (await orgs.findRolesByIds(trx, [v.institutionId])).get(v.institutionId);
      if (!institution) errors.push(fieldError('/institutionId', 'unknown_organization'));
      else if (!institution.has('verification_institute')) errors.push(fieldError('/institutionId', 'not_an_institution'));
      const existedFrom = instrument.manufactured_on ?? instrument.registered_on;
      if (v.verifiedOn > today) errors.push(fieldError('/verifiedOn', 'date_in_future'));
      else if (v.verifiedOn < existedFrom) errors.push(fieldError('/verifiedOn', 'date_before_existence'));
      else if (instrument.last_verified_on && v.verifiedOn < instrument.last_verified_on) errors.push(fieldError('/verifiedOn', 'date_order'));
      const judged = v.items.map((item) => ({ ...item, decision: judgeItem(item, v.decisionRule) }));
      if (v.conclusion === 'pass') {
        judged.forEach((item, i) => {
          if (!item.decision.accept) errors.push(fieldError(`/items/${i}/error`, 'conclusion_mismatch'));
        });
      }
      const budget = v.uncertaintyBudget === undefined ? null : computeBudget(v.uncertaintyBudget, errors);
      if (errors.length) throw validationError(errors);

      const state = { status: instrument.status as InstrumentStatus, suspensionReason: instrument.suspension_reason as SuspensionReason | null };
      const next = applyEvent(state, { kind: 'verified', occurredOn: v.verifiedOn, conclusion: v.conclusion });
      if (!next) throw new AppError('JL_ERR_INVALID_TRANSITION');

      const valid =
        v.conclusion === 'pass'
          ? validUntil({
              category,
              verifiedOn: v.verifiedOn,
              instrumentServiceLifeMonths: instrument.service_life_months,
              serviceStartOn: instrument.installed_on,
            })
          : null;
      const documentKind = v.conclusion === 'pass' ? 'certificate' : 'result_notice';
      const year = Number(v.verifiedOn.slice(0, 4));
      const seq = await verifications.reserveDocumentNumber(trx, v.institutionId, documentKind, year);
      const documentNo = formatDocumentNo(documentKind, v.institutionId, year, seq);
      const recordedAt = this.clock.now().toISOString();

      const verificationId = await verifications.insertVerification(trx, {
        instrument_id: instrumentId,
        institution_id: v.institutionId,
        verified_on: v.verifiedOn,
        verifier: v.verifier,
        checker: v.checker,
        approver: v.approver,
        regulation: v.regulation ?? category.regulation,
        place: v.place,
        environment: JSON.stringify(v.environment),
        standards: JSON.stringify(v.standards),
        items: JSON.stringify(judged),
        adjusted: v.adjusted ? 1 : 0,
        conclusion: v.conclusion,
        document_no: documentNo,
        valid_until: valid,
        catalogue_edition: category.editionId,
        recorded_at: recordedAt,
        uncertainty_budget: budget === null ? null : JSON.stringify(budget),
      });
      await instruments.appendInstrumentEvent(trx, instrumentId, {
        kind: 'verified',
        occurred_on: v.verifiedOn,
        detail: JSON.stringify({ conclusion: v.conclusion, verificationId, documentNo }),
        recorded_at: recordedAt,
      });
      await instruments.updateInstrumentProjection(trx, instrumentId, {
        status: next.status,
        suspension_reason: next.suspensionReason,
        next_due_on: nextDueOn(next.status, instrument.registered_on, [{ verifiedOn: v.verifiedOn, conclusion: v.conclusion, validUntil: valid }]),
        last_verified_on: v.verifiedOn,
        last_conclusion: v.conclusion,
      });
      await this.audit.append(
        trx,
        auditEntry(caller, action, 'ok', { type: 'verification', id: verificationId }, { instrumentId, institutionId: v.institutionId, conclusion: v.conclusion, documentNo }),
      );
      return verificationId;
    });
    return toVerification((await verifications.findVerificationById(this.db, id))!);
  }
}

/** Runs the GUM budget of a calibration record; the engine's problems become the record's field errors. */
function computeBudget(input: object, errors: FieldError[]): { input: unknown; result: unknown } | null {
  try {
    return { input, result: runMetrology('gum', input) };
  } catch (error) {
    if (!(error instanceof MetrologyInputError)) throw error;
    errors.push(...metrologyFieldErrors(error, '/uncertaintyBudget'));
    return null;
  }
}
