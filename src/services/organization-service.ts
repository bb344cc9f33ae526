// Registering and reading organizations (使用单位, 检定机构, …).
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import * as orgs from '../store/repositories/organization-repository.ts';
import { AppError, fieldError, validationError, type FieldError } from '../domain/errors.ts';
import { usccProblem } from '../domain/ids/uscc.ts';
import type { OrganizationRole } from '../domain/registry/types.ts';
import { checkSchema, assertSchema } from './validation.ts';
import { NewOrganization, OrganizationQuery, type Organization } from './schemas/organization.ts';
import type { ReferenceService } from './reference-service.ts';
import type { Clock } from './clock.ts';
import { toOffset, type Page } from './paging.ts';
import type { BatchValidation, RowErrors } from './batch.ts';
import type { Caller } from '../domain/auth/actor.ts';
import { auditEntry, tenantRows, type AccessService } from './access-service.ts';
import type { AuditService } from './audit/audit-service.ts';

export function toOrganization(row: orgs.OrganizationRow): Organization {
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    districtCode: row.district_code,
    roles: (row.roles ? row.roles.split(',') : []) as OrganizationRole[],
    address: row.address,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    createdAt: row.created_at,
  };
}

export class OrganizationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly reference: ReferenceService,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async register(caller: Caller, input: unknown): Promise<Organization> {
    await this.access.require(caller, 'registry:write', 'organization.register');
    const { valid, invalid } = await this.validateMany([input]);
    if (invalid.length) {
      const errors = invalid[0]!.errors;
      if (errors.some((e) => e.code === 'duplicate_uscc')) throw new AppError('JL_ERR_DUPLICATE_USCC', errors);
      throw validationError(errors);
    }
    const value = valid[0]!.value;
    await this.access.requireCreateIn(caller, 'registry:write', 'organization.register', { districtCode: value.districtCode }, '/districtCode');
    const [id] = await this.db.transaction().execute(async (trx) => {
      const ids = await this.write(trx, [value]);
      await this.audit.append(trx, auditEntry(caller, 'organization.register', 'ok', { type: 'organization', id: ids[0] }));
      return ids;
    });
    return (await this.find(id!))!;
  }

  /** Checks shape and domain rules of many rows, including duplicates within the batch and in the database. */
  async validateMany(inputs: readonly unknown[]): Promise<BatchValidation<NewOrganization>> {
    const candidates: { index: number; value: NewOrganization }[] = [];
    const invalid: RowErrors[] = [];
    const seen = new Set<string>();
    for (const [index, input] of inputs.entries()) {
      const checked = checkSchema(NewOrganization, input);
      if (!checked.ok) {
        invalid.push({ index, errors: checked.errors });
        continue;
      }
      const value = { ...checked.value, uscc: checked.value.uscc.trim().toUpperCase() };
      const errors: FieldError[] = [];
      if (usccProblem(value.uscc)) errors.push(fieldError('/uscc', 'invalid_uscc'));
      else if (seen.has(value.uscc)) errors.push(fieldError('/uscc', 'duplicate_uscc'));
      const district = this.reference.resolveDistrict(value.districtCode);
      if (!district) errors.push(fieldError('/districtCode', 'unknown_district'));
      if (errors.length) {
        invalid.push({ index, errors });
        continue;
      }
      seen.add(value.uscc);
      candidates.push({ index, value: { ...value, districtCode: district!.code } });
    }
    const existing = await orgs.findIdsByUscc(this.db, candidates.map((c) => c.value.uscc));
    const valid = candidates.filter((c) => {
      if (!existing.has(c.value.uscc)) return true;
      invalid.push({ index: c.index, errors: [fieldError('/uscc', 'duplicate_uscc')] });
      return false;
    });
    invalid.sort((a, b) => a.index - b.index);
    return { valid, invalid };
  }

  /** Writes already-validated rows inside the caller's transaction; returns their ids. */
  async write(trx: Kysely<Database>, rows: readonly NewOrganization[]): Promise<number[]> {
    const createdAt = this.clock.now().toISOString();
    return orgs.insertOrganizations(
      trx,
      rows.map((r) => ({
        row: {
          uscc: r.uscc,
          name: r.name.trim(),
          district_code: r.districtCode,
          address: r.address ?? null,
          contact_name: r.contactName ?? null,
          contact_phone: r.contactPhone ?? null,
          created_at: createdAt,
        },
        roles: r.roles,
      })),
    );
  }

  private async find(id: number): Promise<Organization | null> {
    const row = await orgs.findOrganizationById(this.db, id);
    if (!row) return null;
    return { ...toOrganization(row), instrumentCount: await orgs.countInstrumentsOfOwner(this.db, id) };
  }

  /** An organization the caller may read, or 404 as if it did not exist. */
  async get(caller: Caller, id: number): Promise<Organization> {
    await this.access.require(caller, 'registry:read', 'organization.get');
    const org = await this.find(id);
    if (!org) throw new AppError('JL_ERR_NOT_FOUND');
    await this.access.requireOn(caller, 'registry:read', 'organization.get', { type: 'organization', id }, { districtCode: org.districtCode, organizationIds: [id] });
    return org;
  }

  async list(caller: Caller, query: unknown): Promise<Page<Organization>> {
    const reach = await this.access.reach(caller, 'registry:read', 'organization.list');
    const q = assertSchema(OrganizationQuery, query);
    const { page, pageSize, offset, limit } = toOffset(q);
    const { rows, total } = await orgs.listOrganizations(this.db, { q: q.q, role: q.role, districtCode: q.districtCode, tenant: tenantRows(reach) }, { offset, limit });
    return { items: rows.map(toOrganization), total, page, pageSize };
  }

  /** Organization ids for USCCs (for imports that name owners by their code). */
  async idsByUscc(usccs: readonly string[]): Promise<Map<string, number>> {
    return orgs.findIdsByUscc(this.db, usccs);
  }
}
