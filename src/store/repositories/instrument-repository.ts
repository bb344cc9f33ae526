// Instruments, their event history, and the indexed projections (status, next due date) lists use.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, InstrumentEventTable, InstrumentTable } from '../schema.ts';

export type InstrumentRow = Selectable<InstrumentTable>;
export type NewInstrumentRow = Insertable<InstrumentTable>;
export type InstrumentEventRow = Selectable<InstrumentEventTable>;
export type NewInstrumentEventRow = Omit<Insertable<InstrumentEventTable>, 'instrument_id'>;
export type InstrumentProjection = Pick<
  Updateable<InstrumentTable>,
  'status' | 'suspension_reason' | 'next_due_on' | 'last_verified_on' | 'last_conclusion' | 'installed_on'
>;

export interface InstrumentFilter {
  readonly districtCode?: string | undefined;
  readonly categoryCode?: string | undefined;
  readonly status?: string | undefined;
  readonly ownerId?: number | undefined;
  /** Serial number, exact or prefix. */
  readonly serialPrefix?: string | undefined;
  /** Due window as date bounds on next_due_on (inclusive), or `none` for instruments with no due date. */
  readonly due?: { readonly from?: string; readonly to?: string } | 'none' | undefined;
}

export type InstrumentSortKey = 'next_due_on' | 'id' | 'registered_on';

const CHUNK = 500;

export async function insertInstruments(
  db: Kysely<Database>,
  items: readonly { row: NewInstrumentRow; events: readonly NewInstrumentEventRow[] }[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    const chunk = items.slice(i, i + CHUNK);
    const inserted = await db.insertInto('instrument').values(chunk.map((c) => c.row)).returning('id').execute();
    const chunkIds = inserted.map((r) => r.id);
    const events = chunk.flatMap((c, j) => c.events.map((e) => ({ ...e, instrument_id: chunkIds[j]! })));
    for (let k = 0; k < events.length; k += CHUNK) {
      await db.insertInto('instrument_event').values(events.slice(k, k + CHUNK)).execute();
    }
    ids.push(...chunkIds);
  }
  return ids;
}

export async function findInstrumentById(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('instrument')
    .innerJoin('organization', 'organization.id', 'instrument.owner_id')
    .selectAll('instrument')
    .select('organization.name as owner_name')
    .where('instrument.id', '=', id)
    .executeTakeFirst();
}

/** Returns the identities (manufacturer, model, serial) among those given that are already registered. */
export async function findExistingIdentities(
  db: Kysely<Database>,
  identities: readonly { manufacturer: string; model: string; serial_no: string }[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < identities.length; i += CHUNK) {
    const chunk = identities.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom('instrument')
      .select(['manufacturer', 'model', 'serial_no'])
      .where('serial_no', 'in', chunk.map((c) => c.serial_no))
      .execute();
    for (const r of rows) found.add(identityKey(r));
  }
  return found;
}

export function identityKey(r: { manufacturer: string; model: string; serial_no: string }): string {
  return JSON.stringify([r.manufacturer, r.model, r.serial_no]);
}

export async function listInstruments(
  db: Kysely<Database>,
  filter: InstrumentFilter,
  sort: { key: InstrumentSortKey; desc: boolean },
  page: { offset: number; limit: number },
) {
  let query = db.selectFrom('instrument');
  if (filter.districtCode) query = query.where('instrument.district_code', '=', filter.districtCode);
  if (filter.categoryCode) query = query.where('instrument.category_code', '=', filter.categoryCode);
  if (filter.status) query = query.where('instrument.status', '=', filter.status);
  if (filter.ownerId !== undefined) query = query.where('instrument.owner_id', '=', filter.ownerId);
  if (filter.serialPrefix) {
    query = query.where('instrument.serial_no', '>=', filter.serialPrefix).where('instrument.serial_no', '<', `${filter.serialPrefix}\uffff`);
  }
  const due = filter.due;
  if (due === 'none') query = query.where('instrument.next_due_on', 'is', null);
  else if (due) {
    if (due.from) query = query.where('instrument.next_due_on', '>=', due.from);
    if (due.to) query = query.where('instrument.next_due_on', '<=', due.to);
    if (!due.from && !due.to) query = query.where('instrument.next_due_on', 'is not', null);
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();

  const direction = sort.desc ? 'desc' : 'asc';
  let rows = query
    .innerJoin('organization', 'organization.id', 'instrument.owner_id')
    .selectAll('instrument')
    .select('organization.name as owner_name');
  // Dialects disagree on where NULL sorts; instruments without a due date always go last.
  const dueDateMayBeNull = sort.key === 'next_due_on' && (due === undefined || due === 'none');
  rows = dueDateMayBeNull
    ? rows.orderBy(sql`instrument.next_due_on ${sql.raw(direction)} nulls last`)
    : rows.orderBy(`instrument.${sort.key}`, direction);
  const items = await rows.orderBy('instrument.id', direction).offset(page.offset).limit(page.limit).execute();
  return { rows: items, total: Number(total) };
}

export async function updateInstrumentProjection(db: Kysely<Database>, id: number, projection: InstrumentProjection): Promise<void> {
  await db.updateTable('instrument').set(projection).where('id', '=', id).execute();
}

export async function appendInstrumentEvent(db: Kysely<Database>, instrumentId: number, event: NewInstrumentEventRow): Promise<void> {
  await db.insertInto('instrument_event').values({ ...event, instrument_id: instrumentId }).execute();
}

export async function listInstrumentEvents(db: Kysely<Database>, instrumentId: number) {
  return db.selectFrom('instrument_event').selectAll().where('instrument_id', '=', instrumentId).orderBy('id').execute();
}

/** Counts instruments per district by due window; `bounds` are the same as the list filter's. */
export async function dueCountsByDistrict(db: Kysely<Database>, bounds: { overdueBefore: string; dueSoonThrough: string }, districtCode?: string) {
  let query = db
    .selectFrom('instrument')
    .select((eb) => [
      'district_code',
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('next_due_on', 'is', null).then(1).else(0).end()).as('not_applicable'),
      eb.fn.sum<number>(eb.case().when('next_due_on', '<', bounds.overdueBefore).then(1).else(0).end()).as('overdue'),
      eb.fn
        .sum<number>(
          eb.case().when(eb.and([eb('next_due_on', '>=', bounds.overdueBefore), eb('next_due_on', '<=', bounds.dueSoonThrough)])).then(1).else(0).end(),
        )
        .as('due_soon'),
      eb.fn.sum<number>(eb.case().when('next_due_on', '>', bounds.dueSoonThrough).then(1).else(0).end()).as('valid'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'suspended').then(1).else(0).end()).as('suspended'),
    ])
    .groupBy('district_code')
    .orderBy('district_code');
  if (districtCode) query = query.where('district_code', '=', districtCode);
  return query.execute();
}
