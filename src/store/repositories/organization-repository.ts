// Organizations and their roles.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, OrganizationTable } from '../schema.ts';

export type OrganizationRow = Selectable<OrganizationTable> & { roles: string };
export type NewOrganizationRow = Insertable<OrganizationTable>;

export interface OrganizationFilter {
  readonly q?: string | undefined;
  readonly role?: string | undefined;
  readonly districtCode?: string | undefined;
  /** The caller's tenants: organizations in any of these districts, or these organizations. */
  readonly tenant?: { readonly districtCodes: readonly string[]; readonly organizationIds: readonly number[] } | undefined;
}

export async function insertOrganization(db: Kysely<Database>, row: NewOrganizationRow, roles: readonly string[]): Promise<number> {
  const { id } = await db.insertInto('organization').values(row).returning('id').executeTakeFirstOrThrow();
  if (roles.length) await db.insertInto('organization_role').values(roles.map((role) => ({ organization_id: id, role }))).execute();
  return id;
}

/** Inserts many organizations in order and returns their ids in the same order. */
export async function insertOrganizations(
  db: Kysely<Database>,
  rows: readonly { row: NewOrganizationRow; roles: readonly string[] }[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const inserted = await db.insertInto('organization').values(chunk.map((c) => c.row)).returning('id').execute();
    const chunkIds = inserted.map((r) => r.id);
    const roleRows = chunk.flatMap((c, j) => c.roles.map((role) => ({ organization_id: chunkIds[j]!, role })));
    for (let k = 0; k < roleRows.length; k += 1000) {
      await db.insertInto('organization_role').values(roleRows.slice(k, k + 1000)).execute();
    }
    ids.push(...chunkIds);
  }
  return ids;
}

export async function findOrganizationById(db: Kysely<Database>, id: number): Promise<OrganizationRow | undefined> {
  const row = await db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const roles = await db.selectFrom('organization_role').select('role').where('organization_id', '=', id).orderBy('role').execute();
  return { ...row, roles: roles.map((r) => r.role).join(',') };
}

/** Maps each USCC that is already registered to its organization id. */
export async function findIdsByUscc(db: Kysely<Database>, usccs: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (let i = 0; i < usccs.length; i += 500) {
    const rows = await db.selectFrom('organization').select(['id', 'uscc']).where('uscc', 'in', usccs.slice(i, i + 500)).execute();
    for (const r of rows) found.set(r.uscc, r.id);
  }
  return found;
}

/** Which of the given ids exist, with the roles each holds. */
export async function findRolesByIds(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, Set<string>>> {
  const found = new Map<number, Set<string>>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const orgs = await db.selectFrom('organization').select('id').where('id', 'in', chunk).execute();
    for (const o of orgs) found.set(o.id, new Set());
    const roles = await db.selectFrom('organization_role').select(['organization_id', 'role']).where('organization_id', 'in', chunk).execute();
    for (const r of roles) found.get(r.organization_id)?.add(r.role);
  }
  return found;
}

export async function listOrganizations(
  db: Kysely<Database>,
  filter: OrganizationFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: OrganizationRow[]; total: number }> {
  let query = db.selectFrom('organization');
  const tenant = filter.tenant;
  if (tenant) {
    query = query.where((eb) =>
      eb.or([
        ...(tenant.districtCodes.length ? [eb('district_code', 'in', tenant.districtCodes)] : []),
        ...(tenant.organizationIds.length ? [eb('id', 'in', tenant.organizationIds)] : []),
      ]),
    );
  }
  if (filter.districtCode) query = query.where('district_code', '=', filter.districtCode);
  if (filter.q) query = query.where((eb) => eb.or([eb('name', 'like', `%${filter.q}%`), eb('uscc', '=', filter.q!.toUpperCase())]));
  if (filter.role) query = query.where('id', 'in', db.selectFrom('organization_role').select('organization_id').where('role', '=', filter.role));
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('organization')
    .orderBy('id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const ids = rows.map((r) => r.id);
  const roles = ids.length ? await db.selectFrom('organization_role').select(['organization_id', 'role']).where('organization_id', 'in', ids).orderBy('role').execute() : [];
  const byOrg = new Map<number, string[]>();
  for (const r of roles) byOrg.set(r.organization_id, [...(byOrg.get(r.organization_id) ?? []), r.role]);
  return {
    rows: rows.map((r) => ({ ...r, roles: (byOrg.get(r.id) ?? []).join(',') })),
    total: Number(total),
  };
}

export async function countInstrumentsOfOwner(db: Kysely<Database>, ownerId: number): Promise<number> {
  const { n } = await db.selectFrom('instrument').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', ownerId).executeTakeFirstOrThrow();
  return Number(n);
}

/** The lowest-numbered organization holding a role, optionally in one district and owning instruments. */
export async function firstOrganizationWithRole(db: Kysely<Database>, role: string, options: { districtCode?: string; ownsInstruments?: boolean } = {}): Promise<number | null> {
  let query = db
    .selectFrom('organization')
    .select('organization.id')
    .where('organization.id', 'in', db.selectFrom('organization_role').select('organization_id').where('role', '=', role));
  if (options.districtCode) query = query.where('organization.district_code', '=', options.districtCode);
  if (options.ownsInstruments) query = query.where((eb) => eb.exists(eb.selectFrom('instrument').select('instrument.id').whereRef('instrument.owner_id', '=', 'organization.id')));
  const row = await query.orderBy('organization.id').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

/** The owner with the most instruments (ties: lowest id). */
export async function largestOwner(db: Kysely<Database>): Promise<number | null> {
  const row = await db
    .selectFrom('instrument')
    .select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('owner_id')
    .orderBy('n', 'desc')
    .orderBy('owner_id')
    .limit(1)
    .executeTakeFirst();
  return row?.owner_id ?? null;
}
