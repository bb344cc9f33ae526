// Registering instruments (备案), reading them with their derived due state, and their lifecycle.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import * as instruments from '../store/repositories/instrument-repository.ts';
import * as orgs from '../store/repositories/organization-repository.ts';
import { listVerificationsOfInstrument } from '../store/repositories/verification-repository.ts';
import { certificateActionsOfInstrument, certificateVersionsOfInstrument } from '../store/repositories/certificate-summaries.ts';
import { AppError, fieldError, validationError, type FieldError } from '../domain/errors.ts';
import { applyEvent, actionToEvent, type LifecycleState, type SuspensionReason } from '../domain/registry/lifecycle.ts';
import { addDays, addMonths, daysBetween } from '../domain/common/dates.ts';
import { runInterval, type A3Result, type CalibrationResult } from '../metrology/intervals/index.ts';
import { MetrologyInputError } from '../metrology/errors.ts';
import { dueState, dueStateBounds, type DueState } from '../domain/verification/due-state.ts';
import type { InstrumentStatus } from '../domain/registry/types.ts';
import { assertSchema, checkSchema } from './validation.ts';
import {
  InstrumentAction,
  InstrumentQuery,
  IntervalRecommendationQuery,
  NewInstrument,
  type Instrument,
  type InstrumentEvent,
  type IntervalRecommendation,
} from './schemas/instrument.ts';
import type { VerificationWithCertificate } from './schemas/verification.ts';
import { toVerification } from './verification-mapping.ts';
import { certificateSummariesByVerification } from './certificates/certificate-history.ts';
import type { ReferenceService } from './reference-service.ts';
import type { Clock } from './clock.ts';
import { toOffset, type Page } from './paging.ts';
import type { BatchValidation, RowErrors } from './batch.ts';
import type { Caller } from '../domain/auth/actor.ts';
import { auditEntry, instrumentTenant, tenantRows, type AccessService } from './access-service.ts';
import type { AuditService } from './audit/audit-service.ts';

type InstrumentRowWithOwner = instruments.InstrumentRow & { owner_name: string };

export interface InstrumentDetail extends Instrument {
  readonly events: InstrumentEvent[];
  /** Oldest first, each with a summary of its certificate (null until one is issued). */
  readonly verifications: VerificationWithCertificate[];
}

export interface InstrumentPage extends Page<Instrument> {
  readonly asOf: string;
  readonly dueSoonDays: number;
}

export class InstrumentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly reference: ReferenceService,
    private readonly clock: Clock,
    readonly defaultDueSoonDays: number,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  toInstrument(row: InstrumentRowWithOwner, dueSoonDays = this.defaultDueSoonDays): Instrument {
    return {
      id: row.id,
      categoryCode: row.category_code,
      manufacturer: row.manufacturer,
      model: row.model,
      serialNo: row.serial_no,
      patternApprovalNo: row.pattern_approval_no,
      accuracyClass: row.accuracy_class,
      measuringRange: row.measuring_range,
      site: row.site,
      districtCode: row.district_code,
      useDomain: row.use_domain,
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      manufacturedOn: row.manufactured_on,
      registeredOn: row.registered_on,
      installedOn: row.installed_on,
      serviceLifeMonths: row.service_life_months,
      status: row.status as InstrumentStatus,
      suspensionReason: row.suspension_reason,
      nextDueOn: row.next_due_on,
      dueState: dueState(row.next_due_on, this.clock.today(), dueSoonDays),
      lastVerifiedOn: row.last_verified_on,
      lastConclusion: row.last_conclusion,
      createdAt: row.created_at,
    };
  }

  async register(caller: Caller, input: unknown): Promise<Instrument> {
    await this.access.require(caller, 'registry:write', 'instrument.register');
    const { valid, invalid } = await this.validateMany([input]);
    if (invalid.length) {
      const errors = invalid[0]!.errors;
      if (errors.some((e) => e.code === 'duplicate_instrument')) throw new AppError('JL_ERR_DUPLICATE_INSTRUMENT', errors);
      throw validationError(errors);
    }
    const value = valid[0]!.value;
    await this.access.requireCreateIn(caller, 'registry:write', 'instrument.register', { districtCode: value.districtCode, organizationIds: [value.ownerId!] }, '/ownerId');
    const [id] = await this.writeInTransaction(caller, [value]);
    return this.toInstrument((await instruments.findInstrumentById(this.db, id!))!);
  }

  /** Shape and domain checks for many rows, including duplicates within the batch and already registered. */
  async validateMany(inputs: readonly unknown[]): Promise<BatchValidation<NewInstrument>> {
    const today = this.clock.today();
    const candidates: { index: number; value: NewInstrument }[] = [];
    const invalid: RowErrors[] = [];
    const seen = new Set<string>();
    for (const [index, input] of inputs.entries()) {
      const checked = checkSchema(NewInstrument, input);
      if (!checked.ok) {
        invalid.push({ index, errors: checked.errors });
        continue;
      }
      const v = checked.value;
      const errors: FieldError[] = [];
      const category = this.reference.category(v.categoryCode);
      if (!category) errors.push(fieldError('/categoryCode', 'unknown_category'));
      const district = this.reference.resolveDistrict(v.districtCode);
      if (!district) errors.push(fieldError('/districtCode', 'unknown_district'));
      const useDomain = this.reference.useDomain(v.useDomain);
      if (!useDomain) errors.push(fieldError('/useDomain', 'unknown_use_domain'));
      const registeredOn = v.registeredOn ?? today;
      for (const field of ['manufacturedOn', 'registeredOn', 'installedOn'] as const) {
        const date = field === 'registeredOn' ? registeredOn : v[field];
        if (date && date > today) errors.push(fieldError(`/${field}`, 'date_in_future'));
      }
      if (v.manufacturedOn && v.manufacturedOn > registeredOn) errors.push(fieldError('/registeredOn', 'date_order'));
      if (v.manufacturedOn && v.installedOn && v.installedOn < v.manufacturedOn) errors.push(fieldError('/installedOn', 'date_order'));
      const identity = { manufacturer: v.manufacturer.trim(), model: v.model.trim(), serial_no: v.serialNo.trim() };
      const key = instruments.identityKey(identity);
      if (seen.has(key)) errors.push(fieldError('/serialNo', 'duplicate_instrument'));
      if (errors.length) {
        invalid.push({ index, errors });
        continue;
      }
      seen.add(key);
      candidates.push({
        index,
        value: {
          ...v,
          categoryCode: category!.code,
          districtCode: district!.code,
          useDomain: useDomain!.code,
          manufacturer: identity.manufacturer,
          model: identity.model,
          serialNo: identity.serial_no,
          registeredOn,
        },
      });
    }
    const ownerIdsByUscc = await orgs.findIdsByUscc(this.db, [...new Set(candidates.flatMap((c) => (c.value.ownerUscc ? [c.value.ownerUscc.trim().toUpperCase()] : [])))]);
    const owners = await orgs.findRolesByIds(this.db, [...new Set([...candidates.flatMap((c) => (c.value.ownerId ? [c.value.ownerId] : [])), ...ownerIdsByUscc.values()])]);
    const existing = await instruments.findExistingIdentities(
      this.db,
      candidates.map((c) => ({ manufacturer: c.value.manufacturer, model: c.value.model, serial_no: c.value.serialNo })),
    );
    const valid: { index: number; value: NewInstrument }[] = [];
    for (const c of candidates) {
      const errors: FieldError[] = [];
      const { ownerUscc, ...value } = c.value;
      const byUscc = ownerUscc === undefined ? undefined : (ownerIdsByUscc.get(ownerUscc.trim().toUpperCase()) ?? null);
      if (value.ownerId === undefined && byUscc === undefined) errors.push(fieldError('/ownerId', 'required'));
      else if (value.ownerId !== undefined && byUscc !== undefined) {
        if (byUscc !== value.ownerId) errors.push(fieldError('/ownerUscc', 'conflicting_fields'));
      } else if (byUscc === null) errors.push(fieldError('/ownerUscc', 'unknown_organization'));
      else if (!owners.has(value.ownerId ?? byUscc!)) errors.push(fieldError('/ownerId', 'unknown_organization'));
      if (existing.has(instruments.identityKey({ manufacturer: value.manufacturer, model: value.model, serial_no: value.serialNo }))) {
        errors.push(fieldError('/serialNo', 'duplicate_instrument'));
      }
      if (errors.length) invalid.push({ index: c.index, errors });
      else valid.push({ index: c.index, value: { ...value, ownerId: value.ownerId ?? byUscc! } });
    }
    invalid.sort((a, b) => a.index - b.index);
    return { valid, invalid };
  }

  /** Writes validated rows in a transaction of their own (bulk registration without a spreadsheet; bench/). */
  async writeInTransaction(caller: Caller, rows: readonly NewInstrument[]): Promise<number[]> {
    return this.db.transaction().execute(async (trx) => {
      const ids = await this.write(trx, rows);
      await this.audit.append(trx, auditEntry(caller, 'instrument.register', 'ok', { type: 'instrument', id: ids.length === 1 ? ids[0] : null }, batchDetail(ids)));
      return ids;
    });
  }

  /** Writes validated rows (with their registered/installed events) inside the caller's transaction. */
  async write(trx: Kysely<Database>, rows: readonly NewInstrument[]): Promise<number[]> {
    const recordedAt = this.clock.now().toISOString();
    return instruments.insertInstruments(
      trx,
      rows.map((r) => {
        const registeredOn = r.registeredOn!;
        const installed = r.installedOn != null;
        return {
          row: {
            category_code: r.categoryCode,
            manufacturer: r.manufacturer,
            model: r.model,
            serial_no: r.serialNo,
            pattern_approval_no: r.patternApprovalNo ?? null,
            accuracy_class: r.accuracyClass ?? null,
            measuring_range: r.measuringRange ?? null,
            site: r.site ?? null,
            district_code: r.districtCode,
            use_domain: r.useDomain,
            owner_id: r.ownerId!,
            manufactured_on: r.manufacturedOn ?? null,
            registered_on: registeredOn,
            installed_on: r.installedOn ?? null,
            service_life_months: r.serviceLifeMonths ?? null,
            status: installed ? 'in_use' : 'registered',
            suspension_reason: null,
            // Never verified: the first verification is due at registration.
            next_due_on: registeredOn,
            last_verified_on: null,
            last_conclusion: null,
            created_at: recordedAt,
          },
          events: [
            { kind: 'registered', occurred_on: registeredOn, detail: '{}', recorded_at: recordedAt },
            ...(installed ? [{ kind: 'installed', occurred_on: r.installedOn!, detail: '{}', recorded_at: recordedAt }] : []),
          ],
        };
      }),
    );
  }

  async get(caller: Caller, id: number): Promise<InstrumentDetail> {
    const row = await this.readable(caller, id, 'instrument.get');
    const events = await instruments.listInstrumentEvents(this.db, id);
    const verifications = await listVerificationsOfInstrument(this.db, id);
    // Every certificate of the instrument in two queries, however many verifications it has.
    const certificates = certificateSummariesByVerification(
      await certificateVersionsOfInstrument(this.db, id),
      await certificateActionsOfInstrument(this.db, id),
      this.clock.today(),
    );
    return {
      ...this.toInstrument(row),
      events: events.map((e) => ({
        id: e.id,
        kind: e.kind as InstrumentEvent['kind'],
        occurredOn: e.occurred_on,
        detail: JSON.parse(e.detail) as Record<string, unknown>,
        recordedAt: e.recorded_at,
      })),
      verifications: verifications.map((v) => ({ ...toVerification(v), certificate: certificates.get(v.id) ?? null })),
    };
  }

  async list(caller: Caller, query: unknown): Promise<InstrumentPage> {
    const reach = await this.access.reach(caller, 'registry:read', 'instrument.list');
    const q = assertSchema(InstrumentQuery, query);
    const today = this.clock.today();
    const dueSoonDays = q.dueSoonDays ?? this.defaultDueSoonDays;
    const { page, pageSize, offset, limit } = toOffset(q);
    const sortParam = q.sort ?? 'nextDueOn';
    const desc = sortParam.startsWith('-');
    const sortField = desc ? sortParam.slice(1) : sortParam;
    const key = ({ nextDueOn: 'next_due_on', id: 'id', registeredOn: 'registered_on' } as const)[sortField as 'nextDueOn' | 'id' | 'registeredOn'];
    const { rows, total } = await instruments.listInstruments(
      this.db,
      {
        districtCode: q.districtCode,
        categoryCode: q.categoryCode,
        status: q.status,
        ownerId: q.ownerId,
        serialPrefix: q.q?.trim() || undefined,
        due: q.dueState ? dueFilter(q.dueState, today, dueSoonDays) : undefined,
        tenant: tenantRows(reach),
      },
      { key, desc },
      { offset, limit },
    );
    return { items: rows.map((r) => this.toInstrument(r, dueSoonDays)), total, page, pageSize, asOf: today, dueSoonDays };
  }

  /**
   * A calibration-interval recommendation (NCSLI RP-1 method A3, ILAC G24 / OIML D 10) from the
   * instrument's verification history, for categories outside the compulsory catalogue only: a
   * compulsory category's cycle is fixed by regulation.
   *
   * History: verifications oldest first; each verification after the first is one result whose
   * interval is the days since the previous verification and which is in tolerance when its own
   * (as-found) conclusion is `pass`. Same-day re-verifications (0 days) are not results. The
   * current interval is the category's cycle counted in calendar months from the latest
   * verification (or today when never verified), in days.
   */
  async intervalRecommendation(caller: Caller, id: number, query: unknown = {}): Promise<IntervalRecommendation> {
    const q = assertSchema(IntervalRecommendationQuery, query);
    const reliabilityTarget = q.reliabilityTarget ?? 0.95;
    const row = await this.readable(caller, id, 'instrument.interval-recommendation');
    const category = this.reference.category(row.category_code);
    if (!category) throw new Error(`instrument ${id} has category ${row.category_code}, absent from the catalogue in force`);
    const records = await listVerificationsOfInstrument(this.db, id);
    const history: IntervalRecommendation['history'] = [];
    for (let i = 1; i < records.length; i++) {
      const prev = records[i - 1]!;
      const cur = records[i]!;
      const intervalDays = daysBetween(prev.verified_on, cur.verified_on);
      if (intervalDays > 0) history.push({ fromOn: prev.verified_on, toOn: cur.verified_on, intervalDays, inTolerance: cur.conclusion === 'pass' });
    }
    const from = records.at(-1)?.verified_on ?? this.clock.today();
    const currentIntervalDays = category.verificationMode === 'PERIODIC' && category.cycleMonths ? daysBetween(from, addMonths(from, category.cycleMonths)) : null;
    const base = { instrumentId: id, categoryCode: category.code, compulsory: category.compulsory, reliabilityTarget, currentIntervalDays, history };
    if (category.compulsory) {
      return {
        ...base,
        applicable: false,
        reason: 'compulsory',
        message: {
          zh: '该器具属于强制检定目录，检定周期由检定规程规定，使用者不能调整。',
          en: 'This instrument is under compulsory verification: its cycle is set by regulation and cannot be changed by the user.',
        },
      };
    }
    if (currentIntervalDays === null) {
      return { ...base, applicable: false, reason: 'not_periodic', message: { zh: '该类别无周期校准间隔。', en: 'This category has no periodic interval.' } };
    }
    const applicable = { ...base, applicable: true };
    if (history.length === 0) {
      return {
        ...applicable,
        reason: 'insufficient_history',
        message: {
          zh: '至少需要两次检定/校准记录才能评估校准间隔。',
          en: 'At least two verification records are needed to assess the interval.',
        },
      };
    }
    const input = { history: history.map((h): CalibrationResult => ({ intervalDays: h.intervalDays, inTolerance: h.inTolerance })), reliabilityTarget, method: 'A3', currentIntervalDays };
    try {
      // method A3, so the result is an A3Result
      const recommendation = runInterval(input) as A3Result & { readonly recommendedIntervalDays: number };
      return { ...applicable, recommendation };
    } catch (error) {
      if (!(error instanceof MetrologyInputError)) throw error;
      // A3 tests only results within ±min(56 d, I0/2) of the current interval
      return {
        ...applicable,
        reason: 'no_results_near_current_interval',
        message: {
          zh: '历史记录中没有接近当前间隔的结果，A3 方法无法评估。',
          en: 'No result in the history was taken near the current interval; method A3 cannot assess it.',
        },
      };
    }
  }

  /** Applies a manual lifecycle action (install, suspend, resume, repair, scrap). */
  async act(caller: Caller, id: number, input: unknown): Promise<Instrument> {
    const target = { type: 'instrument', id };
    const found = await instruments.findInstrumentById(this.db, id);
    if (!found) throw new AppError('JL_ERR_NOT_FOUND');
    await this.access.requireOn(caller, 'registry:write', 'instrument.action', target, instrumentTenant(found));
    const action = assertSchema(InstrumentAction, input);
    // Scrapping ends an instrument's life for good: the user proves their password again.
    if (action.action === 'scrap') await this.access.requireRecentPassword(caller, 'instrument.action', target);
    const today = this.clock.today();
    const occurredOn = action.occurredOn ?? today;
    await this.db.transaction().execute(async (trx) => {
      const row = await instruments.findInstrumentById(trx, id);
      if (!row) throw new AppError('JL_ERR_NOT_FOUND');
      if (occurredOn > today) throw validationError([fieldError('/occurredOn', 'date_in_future')]);
      if (occurredOn < row.registered_on) throw validationError([fieldError('/occurredOn', 'date_before_existence')]);
      const kind = actionToEvent(action.action);
      const state: LifecycleState = { status: row.status as InstrumentStatus, suspensionReason: row.suspension_reason as SuspensionReason | null };
      const reason: SuspensionReason | undefined = kind === 'suspended' ? 'owner_request' : undefined;
      const next = applyEvent(state, { kind, occurredOn, ...(reason ? { reason } : {}) });
      if (!next) {
        throw new AppError('JL_ERR_INVALID_TRANSITION', [], {
          zh: `器具当前状态为 ${state.status}${state.suspensionReason ? `（${state.suspensionReason}）` : ''}，不能执行 ${action.action}`,
          en: `The instrument is ${state.status}${state.suspensionReason ? ` (${state.suspensionReason})` : ''}; ${action.action} is not allowed`,
        });
      }
      const detail = { ...(action.note ? { note: action.note } : {}), ...(reason ? { reason } : {}) };
      await instruments.appendInstrumentEvent(trx, id, { kind, occurred_on: occurredOn, detail: JSON.stringify(detail), recorded_at: this.clock.now().toISOString() });
      await instruments.updateInstrumentProjection(trx, id, {
        status: next.status,
        suspension_reason: next.suspensionReason,
        ...(kind === 'scrapped' ? { next_due_on: null } : {}),
        ...(kind === 'installed' ? { installed_on: occurredOn } : {}),
      });
      await this.audit.append(trx, auditEntry(caller, 'instrument.action', 'ok', target, { action: action.action, occurredOn }));
    });
    return this.toInstrument((await instruments.findInstrumentById(this.db, id))!);
  }

  /** An instrument the caller may read, or 404 as if it did not exist. */
  private async readable(caller: Caller, id: number, action: string): Promise<instruments.InstrumentRow & { owner_name: string }> {
    await this.access.require(caller, 'registry:read', action);
    const row = await instruments.findInstrumentById(this.db, id);
    if (!row) throw new AppError('JL_ERR_NOT_FOUND');
    await this.access.requireOn(caller, 'registry:read', action, { type: 'instrument', id }, instrumentTenant(row));
    return row;
  }

  /** Counts per district and due state (the supervision view). */
  async dueSummary(caller: Caller, dueSoonDays = this.defaultDueSoonDays, districtCode?: string) {
    const reach = await this.access.reach(caller, 'supervision:read', 'supervision.due-summary');
    const today = this.clock.today();
    const rows = await instruments.dueCountsByDistrict(this.db, dueStateBounds(today, dueSoonDays), districtCode, tenantRows(reach));
    const byDistrict = rows.map((r) => ({
      districtCode: r.district_code,
      valid: Number(r.valid),
      dueSoon: Number(r.due_soon),
      overdue: Number(r.overdue),
      notApplicable: Number(r.not_applicable),
      suspended: Number(r.suspended),
      total: Number(r.total),
    }));
    const totals = { valid: 0, dueSoon: 0, overdue: 0, notApplicable: 0, suspended: 0, total: 0 };
    for (const d of byDistrict) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += d[k];
    return { asOf: today, dueSoonDays, totals, byDistrict };
  }
}

/** Audit detail of a batch write: how many rows and which id range (ids are dense per batch). */
export function batchDetail(ids: readonly number[]): Record<string, unknown> {
  return ids.length > 1 ? { count: ids.length, firstId: ids[0], lastId: ids.at(-1) } : {};
}

/** The next_due_on range for a due state, using the same boundaries as the pure derivation. */
export function dueFilter(state: DueState, today: string, windowDays: number): instruments.InstrumentFilter['due'] {
  const { overdueBefore, dueSoonThrough } = dueStateBounds(today, windowDays);
  switch (state) {
    case 'overdue':
      return { to: dayBefore(overdueBefore) };
    case 'due_soon':
      return { from: overdueBefore, to: dueSoonThrough };
    case 'valid':
      return { from: dayAfter(dueSoonThrough) };
    case 'not_applicable':
      return 'none';
  }
}

const dayBefore = (d: string) => addDays(d, -1);
const dayAfter = (d: string) => addDays(d, 1);
