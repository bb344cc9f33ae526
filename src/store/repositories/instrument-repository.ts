// Instruments, their event history, and the indexed projections (status, next due date) lists use.
import { PostgresAdapter, sql, type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, type Updateable } from 'kysely';
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
  /** The caller's tenants: rows in any of these districts or owned by any of these organizations. */
  readonly tenant?: TenantRows | undefined;
}

export interface TenantRows {
  readonly districtCodes: readonly string[];
  readonly organizationIds: readonly number[];
}

/** Restricts instrument rows to a tenant (no restriction when `tenant` is undefined). */
function whereTenant<QB extends SelectQueryBuilder<Database, 'instrument', any>>(query: QB, tenant: TenantRows | undefined): QB {
  if (!tenant) return query;
  return query.where((eb) =>
    eb.or([
      ...(tenant.districtCodes.length ? [eb('instrument.district_code', 'in', tenant.districtCodes)] : []),
      ...(tenant.organizationIds.length ? [eb('instrument.owner_id', 'in', tenant.organizationIds)] : []),
    ]),
  ) as QB;
}

export type InstrumentSortKey = 'next_due_on' | 'id' | 'registered_on';

const CHUNK = 500;

// Bulk registration sends each chunk as one statement with a constant text: the rows as one JSON
// parameter read by json_each on SQLite, one array parameter per column read by unnest on
// PostgreSQL. Multi-row VALUES lists cost a parse per chunk on PostgreSQL and, on SQLite, a
// statement journal per statement (a multi-row insert into a table with foreign keys and unique
// indexes must be able to undo itself), so fewer, larger statements are faster; bench/ measures it.
// Values reach the table exactly as bound parameters would (same text bytes, same integer types).
const BULK_CHUNK = { sqlite: 20_000, postgres: 5_000 } as const;

const INSTRUMENT_COLUMNS = [
  'category_code', 'manufacturer', 'model', 'serial_no', 'pattern_approval_no', 'accuracy_class', 'measuring_range', 'site',
  'district_code', 'use_domain', 'owner_id', 'manufactured_on', 'registered_on', 'installed_on', 'service_life_months',
  'status', 'suspension_reason', 'next_due_on', 'last_verified_on', 'last_conclusion', 'created_at',
] as const satisfies readonly (keyof InstrumentTable)[];
const EVENT_COLUMNS = ['instrument_id', 'kind', 'occurred_on', 'detail', 'recorded_at'] as const satisfies readonly (keyof InstrumentEventTable)[];
const INTEGER_COLUMNS: ReadonlySet<string> = new Set(['owner_id', 'service_life_months', 'instrument_id']);

function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** INSERT … SELECT from the rows given as values in column order; returns the new ids in row order when asked. */
async function bulkInsert(
  db: Kysely<Database>,
  postgres: boolean,
  table: 'instrument' | 'instrument_event',
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  returning: boolean,
): Promise<number[]> {
  const into = sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})`;
  const source = postgres
    ? sql`select ${sql.join(columns.map((c) => sql.ref(`u.${c}`)))} from unnest(${sql.join(
        columns.map((c, j) => sql`${rows.map((r) => r[j])}::${sql.raw(INTEGER_COLUMNS.has(c) ? 'int4' : 'text')}[]`),
      )}) with ordinality as u(${sql.join([...columns, 'ord'].map((c) => sql.ref(c)))}) order by u.ord`
    : sql`select ${sql.join(columns.map((_, j) => sql.raw(`value ->> ${j}`)))} from json_each(${JSON.stringify(rows)}) order by key`;
  if (!returning) {
    await sql`${into} ${source}`.execute(db);
    return [];
  }
  const { rows: inserted } = await sql<{ id: number }>`${into} ${source} returning id`.execute(db);
  // Ids are assigned in insertion order (rowid / identity), whatever order RETURNING lists them in.
  return inserted.map((r) => Number(r.id)).sort((a, b) => a - b);
}

export async function insertInstruments(
  db: Kysely<Database>,
  items: readonly { row: NewInstrumentRow; events: readonly NewInstrumentEventRow[] }[],
): Promise<number[]> {
  const postgres = isPostgres(db);
  const chunkSize = postgres ? BULK_CHUNK.postgres : BULK_CHUNK.sqlite;
  const ids: number[] = [];
  for (let i = 0; i < items.length; i += chunkSize) {
    const chunk = items.slice(i, i + chunkSize);
    const rows = chunk.map((c) => INSTRUMENT_COLUMNS.map((column) => c.row[column] ?? null));
    const chunkIds = await bulkInsert(db, postgres, 'instrument', INSTRUMENT_COLUMNS, rows, true);
    if (chunkIds.length !== chunk.length) throw new Error(`inserted ${chunkIds.length} instruments of ${chunk.length}`);
    const events = chunk.flatMap((c, j) => c.events.map((e) => [chunkIds[j]!, e.kind, e.occurred_on, e.detail, e.recorded_at]));
    if (events.length) await bulkInsert(db, postgres, 'instrument_event', EVENT_COLUMNS, events, false);
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
  const postgres = isPostgres(db);
  for (let i = 0; i < identities.length; i += CHUNK) {
    const chunk = identities.slice(i, i + CHUNK);
    if (postgres) {
      // One probe of the unique identity index per row. An IN list on serial_no gets a sequential
      // scan whenever the statistics are stale or missing, as during a bulk load: 40 ms per chunk
      // at 200k instruments, growing with the table (bench/registration.ts).
      const { rows } = await sql<{ manufacturer: string; model: string; serial_no: string }>`
        select i.manufacturer, i.model, i.serial_no
        from unnest(${chunk.map((c) => c.manufacturer)}::text[], ${chunk.map((c) => c.model)}::text[], ${chunk.map((c) => c.serial_no)}::text[])
          as k(manufacturer, model, serial_no)
        join instrument i on i.manufacturer = k.manufacturer and i.model = k.model and i.serial_no = k.serial_no`.execute(db);
      for (const r of rows) found.add(identityKey(r));
      continue;
    }
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
  let query = whereTenant(db.selectFrom('instrument'), filter.tenant);
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
export async function dueCountsByDistrict(
  db: Kysely<Database>,
  bounds: { overdueBefore: string; dueSoonThrough: string },
  districtCode?: string,
  tenant?: TenantRows,
) {
  let query = whereTenant(db.selectFrom('instrument'), tenant)
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
