// Writes a planned city inside the caller's transaction. On SQLite it uses prepared statements on
// the raw better-sqlite3 handle (the same connection, hence the same transaction, as Kysely's) with
// ids assigned up front, which is what makes 100,000 instruments a matter of seconds. Elsewhere
// (PostgreSQL) it goes through the store's repositories.
import type { Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { Database } from '../../store/schema.ts';
import { insertOrganizations } from '../../store/repositories/organization-repository.ts';
import { appendInstrumentEvent, insertInstruments, type NewInstrumentEventRow, type NewInstrumentRow } from '../../store/repositories/instrument-repository.ts';
import { insertVerification, raiseDocumentSequence, type NewVerificationRow } from '../../store/repositories/verification-repository.ts';
import type { NewOrganizationRow } from '../../store/repositories/organization-repository.ts';
import { formatDocumentNo } from '../../domain/verification/document-number.ts';
import type { CityPlan, PlannedInstrument, PlannedRecord } from './city.ts';
import type { PlannedEvent } from './history.ts';
import { recordContent } from './records.ts';

type Progress = (fraction: number) => void;

const PROGRESS_EVERY = 2000;

export async function writeCity(trx: Kysely<Database>, sqlite: SQLite.Database | null, plan: CityPlan, onProgress: Progress): Promise<void> {
  const orgIds = sqlite ? writeWithStatements(sqlite, plan, onProgress) : await writeWithRepositories(trx, plan, onProgress);
  // Later live verifications continue each institute's numbering after the demo's documents.
  for (const s of plan.sequences) await raiseDocumentSequence(trx, orgIds[s.institute.index]!, s.kind, s.year, s.last);
}

function organizationRow(plan: CityPlan, index: number): NewOrganizationRow {
  const o = plan.organizations[index]!;
  return {
    uscc: o.uscc,
    name: o.name,
    district_code: o.district,
    address: o.address,
    contact_name: o.contactName,
    contact_phone: o.contactPhone,
    created_at: plan.organizationCreatedAt[index]!,
  };
}

function instrumentRow(inst: PlannedInstrument, ownerId: number): NewInstrumentRow {
  const { draft, timeline } = inst;
  const p = timeline.projection;
  return {
    category_code: draft.category.code,
    manufacturer: draft.maker.name,
    model: draft.model.model,
    serial_no: inst.serialNo,
    pattern_approval_no: inst.patternApprovalNo,
    accuracy_class: draft.model.accuracyClass,
    measuring_range: draft.model.measuringRange,
    site: draft.site,
    district_code: draft.district,
    use_domain: draft.useDomain,
    owner_id: ownerId,
    manufactured_on: timeline.manufacturedOn,
    registered_on: timeline.registeredOn,
    installed_on: timeline.installedOn,
    service_life_months: null,
    status: p.status,
    suspension_reason: p.suspensionReason,
    next_due_on: p.nextDueOn,
    last_verified_on: p.lastVerifiedOn,
    last_conclusion: p.lastConclusion,
    created_at: timeline.createdAt,
  };
}

function documentNo(record: PlannedRecord, institutionId: number): string {
  return formatDocumentNo(record.documentKind, institutionId, record.year, record.sequence);
}

function verificationRow(plan: CityPlan, record: PlannedRecord, instrumentId: number, institutionId: number): NewVerificationRow {
  const inst = plan.instruments[record.instrument]!;
  const v = record.verification;
  const content = recordContent(inst.draft, v.verifiedOn, v.conclusion, v.seed);
  return {
    instrument_id: instrumentId,
    institution_id: institutionId,
    verified_on: v.verifiedOn,
    ...content,
    regulation: inst.draft.category.regulation,
    adjusted: v.adjusted ? 1 : 0,
    conclusion: v.conclusion,
    document_no: documentNo(record, institutionId),
    valid_until: v.validUntil,
    catalogue_edition: inst.draft.category.editionId,
    recorded_at: v.recordedAt,
  };
}

/** The event row; a verified event names its verification as the live service does. */
function eventRow(plan: CityPlan, inst: PlannedInstrument, e: PlannedEvent, verificationId: (position: number) => number, institutionId: number): NewInstrumentEventRow {
  let detail = e.detail;
  if (e.verification !== undefined) {
    const position = inst.verificationRefs[e.verification]!;
    const record = plan.verifications[position]!;
    detail = { conclusion: record.verification.conclusion, verificationId: verificationId(position), documentNo: documentNo(record, institutionId) };
  }
  return { kind: e.kind, occurred_on: e.occurredOn, detail: JSON.stringify(detail), recorded_at: e.recordedAt };
}

/** Returns the organisations' ids by index. */
function writeWithStatements(sqlite: SQLite.Database, plan: CityPlan, onProgress: Progress): number[] {
  // The tables are empty (there are no organisations, and everything else refers to one), but
  // start after any existing id rather than assume it.
  const nextId = (table: string) => (sqlite.prepare(`SELECT COALESCE(MAX(id), 0) AS m FROM ${table}`).get() as { m: number }).m + 1;
  const orgBase = nextId('organization');
  const instrumentBase = nextId('instrument');
  const verificationBase = nextId('verification');
  const orgId = (index: number) => orgBase + index;
  const verificationId = (position: number) => verificationBase + position;

  const insertOrg = sqlite.prepare(
    'INSERT INTO organization (id, uscc, name, district_code, address, contact_name, contact_phone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertRole = sqlite.prepare('INSERT INTO organization_role (organization_id, role) VALUES (?, ?)');
  plan.organizations.forEach((o) => {
    const r = organizationRow(plan, o.index);
    insertOrg.run(orgId(o.index), r.uscc, r.name, r.district_code, r.address, r.contact_name, r.contact_phone, r.created_at);
    for (const role of o.roles) insertRole.run(orgId(o.index), role);
  });

  const total = plan.instruments.length + plan.verifications.length;
  const insertInstrument = sqlite.prepare(
    `INSERT INTO instrument (id, category_code, manufacturer, model, serial_no, pattern_approval_no, accuracy_class, measuring_range, site,
       district_code, use_domain, owner_id, manufactured_on, registered_on, installed_on, service_life_months, status, suspension_reason,
       next_due_on, last_verified_on, last_conclusion, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = sqlite.prepare('INSERT INTO instrument_event (instrument_id, kind, occurred_on, detail, recorded_at) VALUES (?, ?, ?, ?, ?)');
  plan.instruments.forEach((inst, i) => {
    const id = instrumentBase + i;
    const r = instrumentRow(inst, orgId(inst.draft.owner.index));
    insertInstrument.run(
      id, r.category_code, r.manufacturer, r.model, r.serial_no, r.pattern_approval_no, r.accuracy_class, r.measuring_range, r.site,
      r.district_code, r.use_domain, r.owner_id, r.manufactured_on, r.registered_on, r.installed_on, r.service_life_months, r.status,
      r.suspension_reason, r.next_due_on, r.last_verified_on, r.last_conclusion, r.created_at,
    );
    const institutionId = orgId(inst.draft.institute.org.index);
    for (const e of inst.timeline.events) {
      const ev = eventRow(plan, inst, e, verificationId, institutionId);
      insertEvent.run(id, ev.kind, ev.occurred_on, ev.detail, ev.recorded_at);
    }
    if (i % PROGRESS_EVERY === 0) onProgress(i / total);
  });

  const insertVerificationRow = sqlite.prepare(
    `INSERT INTO verification (id, instrument_id, institution_id, verified_on, verifier, checker, approver, regulation, place, environment,
       standards, items, adjusted, conclusion, document_no, valid_until, catalogue_edition, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  plan.verifications.forEach((record, position) => {
    const r = verificationRow(plan, record, instrumentBase + record.instrument, orgId(record.institute.org.index));
    insertVerificationRow.run(
      verificationId(position), r.instrument_id, r.institution_id, r.verified_on, r.verifier, r.checker, r.approver, r.regulation, r.place,
      r.environment, r.standards, r.items, r.adjusted, r.conclusion, r.document_no, r.valid_until, r.catalogue_edition, r.recorded_at,
    );
    if (position % PROGRESS_EVERY === 0) onProgress((plan.instruments.length + position) / total);
  });
  onProgress(1);
  return plan.organizations.map((o) => orgId(o.index));
}

/**
 * Portable path: bulk inserts for organisations and instruments (with their first events), then
 * verifications one by one because their ids go into the later events' detail.
 */
async function writeWithRepositories(trx: Kysely<Database>, plan: CityPlan, onProgress: Progress): Promise<number[]> {
  const orgIds = await insertOrganizations(
    trx,
    plan.organizations.map((o) => ({ row: organizationRow(plan, o.index), roles: o.roles })),
  );
  const total = plan.instruments.length * 2 + plan.verifications.length;
  // registered (and installed) always open a history, so they can go in with the row.
  const leading = (inst: PlannedInstrument) => inst.timeline.events.findIndex((e) => e.kind !== 'registered' && e.kind !== 'installed');
  const instrumentIds = await insertInstruments(
    trx,
    plan.instruments.map((inst) => {
      const cut = leading(inst);
      const first = cut === -1 ? inst.timeline.events : inst.timeline.events.slice(0, cut);
      return {
        row: instrumentRow(inst, orgIds[inst.draft.owner.index]!),
        events: first.map((e) => ({ kind: e.kind, occurred_on: e.occurredOn, detail: JSON.stringify(e.detail), recorded_at: e.recordedAt })),
      };
    }),
  );
  onProgress(plan.instruments.length / total);

  const verificationIds: number[] = [];
  for (const [position, record] of plan.verifications.entries()) {
    const institutionId = orgIds[record.institute.org.index]!;
    verificationIds.push(await insertVerification(trx, verificationRow(plan, record, instrumentIds[record.instrument]!, institutionId)));
    if (position % PROGRESS_EVERY === 0) onProgress((plan.instruments.length + position) / total);
  }

  for (const [i, inst] of plan.instruments.entries()) {
    const cut = leading(inst);
    if (cut === -1) continue;
    const institutionId = orgIds[inst.draft.institute.org.index]!;
    for (const e of inst.timeline.events.slice(cut)) {
      await appendInstrumentEvent(trx, instrumentIds[i]!, eventRow(plan, inst, e, (p) => verificationIds[p]!, institutionId));
    }
    if (i % PROGRESS_EVERY === 0) onProgress((plan.instruments.length + plan.verifications.length + i) / total);
  }
  onProgress(1);
  return orgIds;
}
