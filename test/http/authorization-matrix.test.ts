// Every API route × every role × a foreign tenant (issue 3): no cross-tenant read, no write outside
// the caller's scope, public routes answer the same to everyone and expose no personal data, and a
// route without a case here fails the test — declare its access, then describe it below.
//
// World: tenant A is 渝中区 (owner A, energy enterprise A, institute A); tenant B is 渝北区 (owner B,
// institute B). Every role is held in tenant A; each route is called on A's and on B's records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { describeEachDialect, SYSTEM } from '../support/dialects.ts';
import { anonymousApp, signIn, TEST_PASSWORD } from '../support/http.ts';
import { instrumentInput, organizationInput, verificationInput } from '../support/fixtures.ts';
import { composeUscc } from '../../src/domain/ids/uscc.ts';
import type { AppContext } from '../../src/services/context.ts';

const A = '500103';
const B = '500112';

type ActorName =
  | 'admin'
  | 'cityRegulator'
  | 'districtRegulator'
  | 'verifier'
  | 'checker'
  | 'approver'
  | 'standardsManager'
  | 'owner'
  | 'energy'
  | 'analyst'
  | 'ownerToken'
  | 'anonymous';
const ACTORS: readonly ActorName[] = [
  'admin',
  'cityRegulator',
  'districtRegulator',
  'verifier',
  'checker',
  'approver',
  'standardsManager',
  'owner',
  'energy',
  'analyst',
  'ownerToken',
  'anonymous',
];
const INSTITUTE_STAFF: readonly ActorName[] = ['verifier', 'checker', 'approver', 'standardsManager'];
const SIGNED_IN_USERS = ACTORS.filter((a) => a !== 'anonymous' && a !== 'ownerToken');
const EVERYONE_WITH_CREDENTIALS = ACTORS.filter((a) => a !== 'anonymous');

// Who may use each capability at all (the specification, written out rather than derived).
const READERS: readonly ActorName[] = ['admin', 'cityRegulator', 'districtRegulator', ...INSTITUTE_STAFF, 'owner', 'energy', 'ownerToken'];
const CITYWIDE_READERS: readonly ActorName[] = ['admin', 'cityRegulator', ...INSTITUTE_STAFF];
const WRITERS: readonly ActorName[] = ['admin', 'cityRegulator', 'districtRegulator', 'owner', 'ownerToken'];
const CITYWIDE_WRITERS: readonly ActorName[] = ['admin', 'cityRegulator'];
const SUPERVISORS: readonly ActorName[] = ['admin', 'cityRegulator', 'districtRegulator', 'owner', 'energy', 'analyst', 'ownerToken'];
const IMPORTERS: readonly ActorName[] = ['admin', 'cityRegulator', 'districtRegulator'];
const EXPORTERS: readonly ActorName[] = ['admin', 'cityRegulator', 'districtRegulator', 'owner', 'ownerToken'];
const RECORDERS: readonly ActorName[] = ['admin', 'verifier'];
const SIGNERS: readonly ActorName[] = ['admin', 'approver'];
const ADMINS: readonly ActorName[] = ['admin'];

interface World {
  readonly ctx: AppContext;
  readonly app: FastifyInstance;
  readonly owner: { A: number; B: number };
  readonly energyA: number;
  readonly institute: { A: number; B: number };
  readonly instrument: { A: number; B: number; energyA: number };
  /** A certificate issued for instrument A (public routes read it). */
  readonly certificateNo: string;
  readonly headers: Record<ActorName, Record<string, string>>;
  /** Strings that are personal data: no public response may contain them. */
  readonly personal: readonly string[];
}

type Tenant = 'A' | 'B';

interface RouteCase {
  readonly method: string;
  readonly url: string;
  /** Who gets a success on tenant A's records. */
  readonly allowed: readonly ActorName[] | 'public';
  /**
   * How tenancy applies: `record` — B's record answers 404 unless the caller reaches the whole
   * city; `create` — creating in B answers 403 unless the caller reaches it; `list` — the answer
   * holds only the caller's tenants (checked by `onlyOwnTenant`); `none` — not tenant data.
   */
  readonly tenancy: 'record' | 'create' | 'list' | 'none';
  /** Who reaches tenant B (for `record` and `create`). */
  readonly citywide?: readonly ActorName[];
  /** Sensitive: machine tokens cannot prove a password, so they get 401 JL_ERR_REAUTH_REQUIRED. */
  readonly sensitive?: boolean;
  /** Builds the request for this actor on that tenant's records. */
  request(world: World, tenant: Tenant, actor: ActorName): Promise<InjectOptions> | InjectOptions;
  /** For `list` routes: fails when the answer shows a record outside the actor's tenants. */
  onlyOwnTenant?(world: World, actor: ActorName, res: LightMyRequestResponse): void | Promise<void>;
}

let serial = 0;
const unique = () => `${process.pid}-${++serial}`;
/** A valid, fresh USCC in a district (organization body from a counter). */
const freshUscc = (district: string) => composeUscc('91', district, `MA${String(++serial).padStart(6, '0')}`);
const json = (method: string, url: string, payload?: unknown): InjectOptions => ({ method: method as InjectOptions['method'], url, ...(payload === undefined ? {} : { payload: payload as object }) });

async function freshInstrument(world: World, tenant: Tenant): Promise<number> {
  const district = tenant === 'A' ? A : B;
  const created = await world.ctx.instruments.register(SYSTEM, instrumentInput(world.owner[tenant], { serialNo: `MX-${unique()}`, districtCode: district }));
  return created.id;
}

/** A certificate issued by tenant's institute for an instrument of tenant's owner (energy: its own). */
async function freshCertificate(world: World, tenant: Tenant, actor?: ActorName): Promise<string> {
  const ownerId = actor === 'energy' && tenant === 'A' ? world.energyA : world.owner[tenant];
  const instrument = await world.ctx.instruments.register(SYSTEM, instrumentInput(ownerId, { serialNo: `CERT-${unique()}`, districtCode: tenant === 'A' ? A : B }));
  const verification = await world.ctx.verifications.record(SYSTEM, instrument.id, verificationInput(world.institute[tenant]));
  return (await world.ctx.certificates.issue(SYSTEM, verification.id)).certificateNo;
}

async function throwawayUser(world: World): Promise<number> {
  const user = await world.ctx.accounts.createUser(SYSTEM, { username: `tmp-${unique()}`, displayName: '临时', password: TEST_PASSWORD, grants: [] });
  return user.id;
}

const gumInput = { model: 'a + b', inputs: { a: { value: 1, u: 0.1 }, b: { value: 2, u: 0.2 } } };

/** The districts and owners an actor's list answers may contain; null: the whole city. */
function tenantOf(world: World, actor: ActorName): { districts: string[]; owners: number[] } | null {
  if (['admin', 'cityRegulator', ...INSTITUTE_STAFF].includes(actor)) return null;
  if (actor === 'districtRegulator' || actor === 'analyst') return { districts: [A], owners: [] };
  if (actor === 'energy') return { districts: [], owners: [world.energyA] };
  return { districts: [], owners: [world.owner.A] };
}

function instrumentsWithin(world: World, actor: ActorName, items: { districtCode: string; ownerId: number }[]): void {
  const tenant = tenantOf(world, actor);
  if (!tenant) return;
  for (const item of items) assert.ok(tenant.districts.includes(item.districtCode) || tenant.owners.includes(item.ownerId), `${actor} sees instrument of owner ${item.ownerId} in ${item.districtCode}`);
}

const CASES: readonly RouteCase[] = [
  { method: 'GET', url: '/api/v1/health', allowed: 'public', tenancy: 'none', request: () => json('GET', '/api/v1/health') },
  { method: 'GET', url: '/api/v1/reference/districts', allowed: 'public', tenancy: 'none', request: () => json('GET', '/api/v1/reference/districts') },
  { method: 'GET', url: '/api/v1/reference/use-domains', allowed: 'public', tenancy: 'none', request: () => json('GET', '/api/v1/reference/use-domains') },
  { method: 'GET', url: '/api/v1/reference/categories', allowed: 'public', tenancy: 'none', request: () => json('GET', '/api/v1/reference/categories') },
  {
    method: 'GET',
    url: '/api/v1/organizations',
    allowed: READERS,
    tenancy: 'list',
    request: () => json('GET', '/api/v1/organizations?pageSize=200'),
    onlyOwnTenant(world, actor, res) {
      const tenant = tenantOf(world, actor);
      const items = res.json().items as { id: number; districtCode: string }[];
      assert.ok(items.length > 0, `${actor} sees at least its own organization`);
      if (tenant) for (const o of items) assert.ok(tenant.districts.includes(o.districtCode) || tenant.owners.includes(o.id), `${actor} sees organization ${o.id}`);
    },
  },
  {
    method: 'POST',
    url: '/api/v1/organizations',
    allowed: ['admin', 'cityRegulator', 'districtRegulator'],
    tenancy: 'create',
    citywide: CITYWIDE_WRITERS,
    request: (_w, tenant) => {
      const district = tenant === 'A' ? A : B;
      return json('POST', '/api/v1/organizations', organizationInput({ uscc: freshUscc(district), districtCode: district }));
    },
  },
  {
    method: 'GET',
    url: '/api/v1/organizations/:id',
    allowed: READERS,
    tenancy: 'record',
    citywide: CITYWIDE_READERS,
    // Each actor reads its own organization in A (institute staff: their institute; everyone else: owner A or energy A).
    request: (w, tenant, actor) => {
      const own = INSTITUTE_STAFF.includes(actor) ? w.institute.A : actor === 'energy' ? w.energyA : w.owner.A;
      return json('GET', `/api/v1/organizations/${tenant === 'A' ? own : w.owner.B}`);
    },
  },
  {
    method: 'GET',
    url: '/api/v1/instruments',
    allowed: READERS,
    tenancy: 'list',
    request: () => json('GET', '/api/v1/instruments?pageSize=200'),
    onlyOwnTenant: (world, actor, res) => instrumentsWithin(world, actor, res.json().items),
  },
  {
    method: 'POST',
    url: '/api/v1/instruments',
    allowed: WRITERS,
    tenancy: 'create',
    citywide: CITYWIDE_WRITERS,
    request: (w, tenant) => json('POST', '/api/v1/instruments', instrumentInput(w.owner[tenant], { serialNo: `NEW-${unique()}`, districtCode: tenant === 'A' ? A : B })),
  },
  {
    method: 'GET',
    url: '/api/v1/instruments/:id',
    allowed: READERS,
    tenancy: 'record',
    citywide: CITYWIDE_READERS,
    request: (w, tenant, actor) => json('GET', `/api/v1/instruments/${tenant === 'B' ? w.instrument.B : actor === 'energy' ? w.instrument.energyA : w.instrument.A}`),
  },
  {
    method: 'POST',
    url: '/api/v1/instruments/:id/actions',
    allowed: WRITERS,
    tenancy: 'record',
    citywide: CITYWIDE_WRITERS,
    request: async (w, tenant) => json('POST', `/api/v1/instruments/${await freshInstrument(w, tenant)}/actions`, { action: 'suspend', note: 'matrix' }),
  },
  {
    method: 'POST',
    url: '/api/v1/instruments/:id/verifications',
    allowed: RECORDERS,
    tenancy: 'create',
    citywide: ['admin'],
    // Institute A's verifier records on any instrument, but only in its own institute's name.
    request: async (w, tenant) => json('POST', `/api/v1/instruments/${await freshInstrument(w, 'A')}/verifications`, verificationInput(w.institute[tenant])),
  },
  {
    method: 'GET',
    url: '/api/v1/instruments/:id/interval-recommendation',
    allowed: READERS,
    tenancy: 'record',
    citywide: CITYWIDE_READERS,
    request: (w, tenant, actor) =>
      json('GET', `/api/v1/instruments/${tenant === 'B' ? w.instrument.B : actor === 'energy' ? w.instrument.energyA : w.instrument.A}/interval-recommendation`),
  },
  {
    method: 'GET',
    url: '/api/v1/supervision/due-summary',
    allowed: SUPERVISORS,
    tenancy: 'list',
    request: () => json('GET', '/api/v1/supervision/due-summary'),
    async onlyOwnTenant(world, actor, res) {
      const body = res.json() as { totals: { total: number }; byDistrict: { districtCode: string }[] };
      const tenant = tenantOf(world, actor);
      if (!tenant) return assert.ok(body.byDistrict.some((d) => d.districtCode === B), `${actor} sees the whole city`);
      if (tenant.districts.length) assert.deepEqual(body.byDistrict.map((d) => d.districtCode), tenant.districts);
      // owners: exactly their own instruments are counted
      else assert.equal(body.totals.total, (await world.ctx.instruments.list(SYSTEM, { ownerId: tenant.owners[0], pageSize: 1 })).total);
    },
  },
  { method: 'GET', url: '/api/v1/imports/templates/:kind.:format', allowed: IMPORTERS, tenancy: 'none', request: () => json('GET', '/api/v1/imports/templates/organizations.csv') },
  {
    method: 'POST',
    url: '/api/v1/imports/:kind',
    allowed: IMPORTERS,
    tenancy: 'create',
    citywide: CITYWIDE_WRITERS,
    request: (_w, tenant) => {
      const district = tenant === 'A' ? A : B;
      const csv = `uscc,name,districtCode,roles\n${freshUscc(district)},导入单位,${district},owner\n`;
      return { method: 'POST', url: '/api/v1/imports/organizations?format=csv', headers: { 'content-type': 'text/csv' }, payload: csv };
    },
  },
  {
    method: 'GET',
    url: '/api/v1/exports/instruments.:format',
    allowed: EXPORTERS,
    tenancy: 'list',
    sensitive: true,
    request: () => json('GET', '/api/v1/exports/instruments.csv'),
    onlyOwnTenant(world, actor, res) {
      const tenant = tenantOf(world, actor);
      const text = res.body;
      // The CSV names owners; B's owner must be absent unless the actor reaches the city.
      if (tenant) assert.ok(!text.includes('渝北示例使用单位'), `${actor}'s export holds tenant B's instruments`);
      else assert.ok(text.includes('渝北示例使用单位'));
    },
  },
  {
    method: 'POST',
    url: '/api/v1/verifications/:id/certificate',
    allowed: SIGNERS,
    tenancy: 'create',
    citywide: ['admin'],
    sensitive: true,
    // Institute A's approver signs only what institute A verified.
    request: async (w, tenant) => {
      const instrument = await freshInstrument(w, tenant);
      const verification = await w.ctx.verifications.record(SYSTEM, instrument, verificationInput(w.institute[tenant]));
      return json('POST', `/api/v1/verifications/${verification.id}/certificate`);
    },
  },
  {
    method: 'POST',
    url: '/api/v1/certificates/:certificateNo/amend',
    allowed: SIGNERS,
    tenancy: 'record',
    citywide: ['admin'],
    sensitive: true,
    request: async (w, tenant) => json('POST', `/api/v1/certificates/${await freshCertificate(w, tenant)}/amend`, { reason: '更正' }),
  },
  {
    method: 'POST',
    url: '/api/v1/certificates/:certificateNo/revoke',
    allowed: SIGNERS,
    tenancy: 'record',
    citywide: ['admin'],
    sensitive: true,
    request: async (w, tenant) => json('POST', `/api/v1/certificates/${await freshCertificate(w, tenant)}/revoke`, { reason: '撤销' }),
  },
  {
    method: 'GET',
    url: '/api/v1/certificates/:certificateNo',
    allowed: READERS,
    tenancy: 'record',
    citywide: CITYWIDE_READERS,
    request: async (w, tenant, actor) => json('GET', `/api/v1/certificates/${await freshCertificate(w, tenant, actor)}`),
  },
  {
    method: 'GET',
    url: '/api/v1/institutions/:id/labels.pdf',
    allowed: SIGNERS,
    tenancy: 'record',
    citywide: ['admin'],
    // Institute A's approver prints A's sticker labels of a day; B's id answers 404.
    request: (w, tenant) => json('GET', `/api/v1/institutions/${w.institute[tenant]}/labels.pdf?date=2026-06-01`),
  },
  { method: 'GET', url: '/api/v1/public/certificates', allowed: 'public', tenancy: 'none', request: (w) => json('GET', `/api/v1/public/certificates?instrumentId=${w.instrument.A}`) },
  { method: 'GET', url: '/api/v1/public/certificates/:certificateNo', allowed: 'public', tenancy: 'none', request: (w) => json('GET', `/api/v1/public/certificates/${w.certificateNo}`) },
  { method: 'GET', url: '/api/v1/public/certificates/:certificateNo.pdf', allowed: 'public', tenancy: 'none', request: (w) => json('GET', `/api/v1/public/certificates/${w.certificateNo}.pdf`) },
  { method: 'GET', url: '/api/v1/public/certificates/:certificateNo.xml', allowed: 'public', tenancy: 'none', request: (w) => json('GET', `/api/v1/public/certificates/${w.certificateNo}.xml`) },
  { method: 'GET', url: '/api/v1/public/certificates/:certificateNo/qr.:format', allowed: 'public', tenancy: 'none', request: (w) => json('GET', `/api/v1/public/certificates/${w.certificateNo}/qr.svg`) },
  { method: 'GET', url: '/api/v1/public/certificates/:certificateNo/proof', allowed: 'public', tenancy: 'none', request: (w) => json('GET', `/api/v1/public/certificates/${w.certificateNo}/proof`) },
  { method: 'GET', url: '/api/v1/public/log/checkpoint', allowed: 'public', tenancy: 'none', request: () => json('GET', '/api/v1/public/log/checkpoint') },
  { method: 'GET', url: '/api/v1/public/log/consistency', allowed: 'public', tenancy: 'none', request: () => json('GET', '/api/v1/public/log/consistency?from=0&to=1') },
  { method: 'GET', url: '/api/v1/public/revocations', allowed: 'public', tenancy: 'none', request: () => json('GET', '/api/v1/public/revocations') },
  { method: 'GET', url: '/api/v1/admin/keys', allowed: ADMINS, tenancy: 'none', request: () => json('GET', '/api/v1/admin/keys') },
  {
    method: 'POST',
    url: '/api/v1/admin/institutions/:id/keys/rotate',
    allowed: ADMINS,
    tenancy: 'none',
    sensitive: true,
    request: (w) => json('POST', `/api/v1/admin/institutions/${w.institute.B}/keys/rotate`),
  },
  {
    method: 'POST',
    url: '/api/v1/admin/keys/:kid/revoke',
    allowed: ADMINS,
    tenancy: 'none',
    sensitive: true,
    // A key of its own per request: the current key of institute B, rotated away first.
    request: async (w) => {
      const { retired } = await w.ctx.signingKeys.rotate(SYSTEM, w.institute.B);
      return json('POST', `/api/v1/admin/keys/${retired}/revoke`, { reason: '密钥泄露（测试）' });
    },
  },
  { method: 'POST', url: '/api/v1/metrology/:kind', allowed: EVERYONE_WITH_CREDENTIALS, tenancy: 'none', request: () => json('POST', '/api/v1/metrology/gum', gumInput) },
  { method: 'POST', url: '/api/v1/metrology/:kind/report.xlsx', allowed: EVERYONE_WITH_CREDENTIALS, tenancy: 'none', request: () => json('POST', '/api/v1/metrology/gum/report.xlsx', gumInput) },
  { method: 'POST', url: '/api/v1/metrology/:kind/report.pdf', allowed: EVERYONE_WITH_CREDENTIALS, tenancy: 'none', request: () => json('POST', '/api/v1/metrology/gum/report.pdf', gumInput) },
  { method: 'POST', url: '/api/v1/auth/login', allowed: 'public', tenancy: 'none', request: () => json('POST', '/api/v1/auth/login', { username: 'matrix-owner', password: TEST_PASSWORD }) },
  { method: 'GET', url: '/api/v1/auth/session', allowed: SIGNED_IN_USERS, tenancy: 'none', request: () => json('GET', '/api/v1/auth/session') },
  { method: 'GET', url: '/api/v1/auth/sessions', allowed: SIGNED_IN_USERS, tenancy: 'none', request: () => json('GET', '/api/v1/auth/sessions') },
  {
    method: 'DELETE',
    url: '/api/v1/auth/sessions/:id',
    allowed: SIGNED_IN_USERS,
    tenancy: 'none',
    // A second session of the same user, made for the request: ending it leaves the caller's own.
    request: async (w, _tenant, actor) => {
      if (actor === 'anonymous' || actor === 'ownerToken') return json('DELETE', '/api/v1/auth/sessions/none');
      const extra = await signIn(w.app, `matrix-${actor.toLowerCase()}`, TEST_PASSWORD);
      const listed = await w.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: extra.headers });
      const id = (listed.json() as { id: string; current: boolean }[]).find((s) => s.current)!.id;
      return json('DELETE', `/api/v1/auth/sessions/${id}`);
    },
  },
  { method: 'POST', url: '/api/v1/auth/sessions/end-others', allowed: SIGNED_IN_USERS, tenancy: 'none', request: () => json('POST', '/api/v1/auth/sessions/end-others') },
  { method: 'POST', url: '/api/v1/auth/reauth', allowed: SIGNED_IN_USERS, tenancy: 'none', request: () => json('POST', '/api/v1/auth/reauth', { password: TEST_PASSWORD }) },
  { method: 'GET', url: '/api/v1/admin/users', allowed: ADMINS, tenancy: 'none', request: () => json('GET', '/api/v1/admin/users') },
  {
    method: 'POST',
    url: '/api/v1/admin/users',
    allowed: ADMINS,
    tenancy: 'none',
    sensitive: true,
    request: () => json('POST', '/api/v1/admin/users', { username: `new-${unique()}`, displayName: '新用户', password: TEST_PASSWORD, grants: [{ role: 'analyst', scope: 'city' }] }),
  },
  { method: 'GET', url: '/api/v1/admin/users/:id', allowed: ADMINS, tenancy: 'none', request: async (w) => json('GET', `/api/v1/admin/users/${await throwawayUser(w)}`) },
  {
    method: 'PUT',
    url: '/api/v1/admin/users/:id/grants',
    allowed: ADMINS,
    tenancy: 'none',
    sensitive: true,
    request: async (w) => json('PUT', `/api/v1/admin/users/${await throwawayUser(w)}/grants`, { grants: [{ role: 'regulator', scope: `district:${A}` }] }),
  },
  { method: 'POST', url: '/api/v1/admin/users/:id/status', allowed: ADMINS, tenancy: 'none', request: async (w) => json('POST', `/api/v1/admin/users/${await throwawayUser(w)}/status`, { status: 'disabled' }) },
  {
    method: 'POST',
    url: '/api/v1/admin/users/:id/password',
    allowed: ADMINS,
    tenancy: 'none',
    sensitive: true,
    request: async (w) => json('POST', `/api/v1/admin/users/${await throwawayUser(w)}/password`, { password: 'another long pass phrase' }),
  },
  { method: 'GET', url: '/api/v1/admin/tokens', allowed: ADMINS, tenancy: 'none', request: () => json('GET', '/api/v1/admin/tokens') },
  { method: 'POST', url: '/api/v1/admin/tokens', allowed: ADMINS, tenancy: 'none', sensitive: true, request: () => json('POST', '/api/v1/admin/tokens', { name: 'gw', role: 'analyst', scope: 'city' }) },
  {
    method: 'POST',
    url: '/api/v1/admin/tokens/:id/revoke',
    allowed: ADMINS,
    tenancy: 'none',
    request: async (w) => json('POST', `/api/v1/admin/tokens/${(await w.ctx.accounts.createToken(SYSTEM, { name: 'tmp', role: 'analyst', scope: 'city' })).id}/revoke`),
  },
  { method: 'GET', url: '/api/v1/admin/audit', allowed: ADMINS, tenancy: 'none', request: () => json('GET', '/api/v1/admin/audit') },
  { method: 'GET', url: '/api/v1/admin/audit/verify', allowed: ADMINS, tenancy: 'none', request: () => json('GET', '/api/v1/admin/audit/verify') },
  // These two end or alter the caller's sessions: they run last, each on a session of its own.
  { method: 'POST', url: '/api/v1/auth/logout', allowed: SIGNED_IN_USERS, tenancy: 'none', request: () => json('POST', '/api/v1/auth/logout') },
  {
    method: 'POST',
    url: '/api/v1/auth/password',
    allowed: SIGNED_IN_USERS,
    tenancy: 'none',
    request: () => json('POST', '/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
  },
];
const ENDS_SESSION = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/password']);

async function buildWorld(ctx: AppContext): Promise<World> {
  const app = await anonymousApp(ctx, { publicRateLimit: 10_000, loginRateLimit: 10_000 });
  const org = async (district: string, name: string, roles: string[]) =>
    (await ctx.organizations.register(SYSTEM, organizationInput({ uscc: freshUscc(district), name, districtCode: district, roles, contactName: `联系人${name}`, contactPhone: `1380000${String(++serial).padStart(4, '0')}` }))).id;
  const owner = { A: await org(A, '渝中示例使用单位', ['owner']), B: await org(B, '渝北示例使用单位', ['owner']) };
  const energyA = await org(A, '渝中重点用能单位', ['owner']);
  const institute = { A: await org(A, '渝中检定所', ['verification_institute']), B: await org(B, '渝北检定所', ['verification_institute']) };
  const reg = async (ownerId: number, district: string) => (await ctx.instruments.register(SYSTEM, instrumentInput(ownerId, { serialNo: `W-${unique()}`, districtCode: district }))).id;
  const instrument = { A: await reg(owner.A, A), B: await reg(owner.B, B), energyA: await reg(energyA, A) };
  const verification = await ctx.verifications.record(SYSTEM, instrument.A, verificationInput(institute.A));
  const certificateNo = (await ctx.certificates.issue(SYSTEM, verification.id)).certificateNo;

  const grants: Record<Exclude<ActorName, 'anonymous' | 'ownerToken'>, { role: string; scope: string }> = {
    admin: { role: 'platform_admin', scope: 'platform' },
    cityRegulator: { role: 'regulator', scope: 'city' },
    districtRegulator: { role: 'regulator', scope: `district:${A}` },
    verifier: { role: 'verifier', scope: `organization:${institute.A}` },
    checker: { role: 'checker', scope: `organization:${institute.A}` },
    approver: { role: 'approver', scope: `organization:${institute.A}` },
    standardsManager: { role: 'standards_manager', scope: `organization:${institute.A}` },
    owner: { role: 'owner', scope: `organization:${owner.A}` },
    energy: { role: 'energy_enterprise', scope: `organization:${energyA}` },
    analyst: { role: 'analyst', scope: `district:${A}` },
  };
  const headers = { anonymous: {} } as Record<ActorName, Record<string, string>>;
  for (const [name, grant] of Object.entries(grants)) {
    await ctx.accounts.createUser(SYSTEM, { username: `matrix-${name.toLowerCase()}`, displayName: name, password: TEST_PASSWORD, grants: [grant] });
    headers[name as ActorName] = { ...(await signIn(app, `matrix-${name.toLowerCase()}`, TEST_PASSWORD)).headers };
  }
  const token = await ctx.accounts.createToken(SYSTEM, { name: 'owner gateway', role: 'owner', scope: `organization:${owner.A}` });
  headers.ownerToken = { authorization: `Bearer ${token.token}` };
  return { ctx, app, owner, energyA, institute, instrument, certificateNo, headers, personal: ['联系人', '1380000'] };
}

async function send(world: World, actor: ActorName, options: InjectOptions, fresh: boolean): Promise<LightMyRequestResponse> {
  let headers = world.headers[actor];
  if (fresh && headers.cookie) headers = { ...(await signIn(world.app, `matrix-${actor.toLowerCase()}`, TEST_PASSWORD)).headers };
  return world.app.inject({ ...options, headers: { ...(options.headers as Record<string, string>), ...headers } });
}

/** Rows of every table a request writes, sessions and the audit log aside: a denied request must not change them. */
async function businessCounts(ctx: AppContext): Promise<string> {
  return JSON.stringify(await ctx.stats.counts());
}

/** Anonymous callers are asked to sign in (401); machine tokens have no session for session routes (401); others are refused (403). */
function expectDenied(res: LightMyRequestResponse, actor: ActorName, what: string, sessionRoute: boolean): void {
  const expected = actor === 'anonymous' || (sessionRoute && actor === 'ownerToken') ? 401 : 403;
  assert.equal(res.statusCode, expected, `${what}: ${actor} expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 200)}`);
}

function expectSuccess(res: LightMyRequestResponse, what: string): void {
  assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${what}: expected success, got ${res.statusCode} ${res.body.slice(0, 300)}`);
}

describeEachDialect('authorization: every route × role × foreign tenant', (getCtx) => {
  let world: World;

  test('set up two tenants and one signed-in user per role', async () => {
    world = await buildWorld(getCtx());
  });

  test('every API route has a case in this table, and every case a route', () => {
    const declared = world.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    const described = CASES.map((c) => `${c.method} ${c.url}`).sort();
    assert.deepEqual(described, declared, 'a route was added or removed: describe who may call it in CASES');
  });

  for (const routeCase of CASES) {
    const what = `${routeCase.method} ${routeCase.url}`;
    test(what, async () => {
      const fresh = ENDS_SESSION.has(what);
      for (const actor of ACTORS) {
        const allowed = routeCase.allowed === 'public' || routeCase.allowed.includes(actor);
        const ownRequest = await routeCase.request(world, 'A', actor);
        const before = await businessCounts(world.ctx);
        const own = await send(world, actor, ownRequest, fresh);

        if (routeCase.allowed === 'public') {
          expectSuccess(own, `${what} as ${actor}`);
          if (actor === 'anonymous') for (const text of world.personal) assert.ok(!own.body.includes(text), `${what} shows personal data to the public`);
          continue;
        }
        if (!allowed) {
          expectDenied(own, actor, what, routeCase.allowed === SIGNED_IN_USERS);
          assert.equal(await businessCounts(world.ctx), before, `${what}: a denied request changed data`);
          continue;
        }
        if (routeCase.sensitive && actor === 'ownerToken') {
          assert.equal(own.statusCode, 401, `${what}: a token must not pass a sensitive action`);
          assert.equal(own.json().code, 'JL_ERR_REAUTH_REQUIRED');
          continue;
        }
        expectSuccess(own, `${what} as ${actor} on its own tenant`);
        if (routeCase.tenancy === 'list') await routeCase.onlyOwnTenant!(world, actor, own);

        if (routeCase.tenancy === 'record' || routeCase.tenancy === 'create') {
          const foreignRequest = await routeCase.request(world, 'B', actor);
          const beforeForeign = await businessCounts(world.ctx);
          const foreign = await send(world, actor, foreignRequest, fresh);
          if (routeCase.citywide!.includes(actor)) {
            expectSuccess(foreign, `${what} as ${actor} on tenant B`);
          } else if (routeCase.tenancy === 'record') {
            assert.equal(foreign.statusCode, 404, `${what}: ${actor} reached tenant B's record (${foreign.statusCode} ${foreign.body.slice(0, 200)})`);
          } else if (what === 'POST /api/v1/imports/:kind') {
            assert.equal(foreign.statusCode, 422, `${what}: ${actor} imported into tenant B`);
            assert.equal(foreign.json().report.rows[0].errors[0].code, 'outside_scope');
          } else {
            assert.equal(foreign.statusCode, 403, `${what}: ${actor} created in tenant B (${foreign.statusCode} ${foreign.body.slice(0, 200)})`);
            assert.equal(foreign.json().errors[0].code, 'outside_scope');
          }
          if (!routeCase.citywide!.includes(actor) && routeCase.method !== 'GET') {
            assert.equal(await businessCounts(world.ctx), beforeForeign, `${what}: ${actor}'s denied write changed data`);
          }
        }
      }
    });
  }

  test('each denial is in the audit log with actor, scope, action and request id', async () => {
    const res = await send(world, 'owner', json('GET', `/api/v1/instruments/${world.instrument.B}`), true);
    assert.equal(res.statusCode, 404);
    const page = await world.ctx.audit.list({ outcome: 'denied', pageSize: 5 });
    const entry = page.items.find((e) => e.requestId === res.headers['x-request-id']);
    assert.ok(entry, 'the denied read is in the audit log under its request id');
    assert.equal(entry.action, 'instrument.get');
    assert.equal(entry.targetId, String(world.instrument.B));
    assert.match(String(entry.scope), /^owner@organization:\d+$/);
    assert.equal((await world.ctx.audit.verify()).ok, true);
  });

  test('closing the app', async () => {
    await world.app.close();
  });
});
