import { Type, type Static } from '@sinclair/typebox';
import { ORGANIZATION_ROLES } from '../../domain/registry/types.ts';
import { Id, OptionalText, PageQuery, ShortText, StringEnum } from './common.ts';

export const OrganizationRole = StringEnum(ORGANIZATION_ROLES);

export const NewOrganization = Type.Object(
  {
    uscc: Type.String({ minLength: 1, maxLength: 18, description: '统一社会信用代码 (GB 32100-2015)' }),
    name: ShortText(200),
    districtCode: Type.String({ pattern: '^\\d{6}$', description: 'GB/T 2260 code; retired codes map to their successor' }),
    roles: Type.Array(OrganizationRole, { minItems: 1, maxItems: ORGANIZATION_ROLES.length, uniqueItems: true }),
    address: OptionalText(300),
    contactName: OptionalText(100),
    contactPhone: OptionalText(50),
  },
  { additionalProperties: false },
);
export type NewOrganization = Static<typeof NewOrganization>;

export const Organization = Type.Object({
  id: Id,
  uscc: Type.String(),
  name: Type.String(),
  districtCode: Type.String(),
  roles: Type.Array(OrganizationRole),
  address: Type.Union([Type.String(), Type.Null()]),
  contactName: Type.Union([Type.String(), Type.Null()]),
  contactPhone: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  instrumentCount: Type.Optional(Type.Integer()),
});
export type Organization = Static<typeof Organization>;

export const OrganizationQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    role: Type.Optional(OrganizationRole),
    districtCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type OrganizationQuery = Static<typeof OrganizationQuery>;
