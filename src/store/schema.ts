// Row types of every table, as Kysely sees them. Generated columns use Generated<>.
import type { ColumnType, Generated } from 'kysely';

export interface RefDistrictTable {
  code: string;
  name_zh: string;
  name_en: string;
  kind: string;
  edition: string;
}

export interface RefDistrictAliasTable {
  code: string;
  name_zh: string;
  successor_code: string;
}

export interface RefUseDomainTable {
  code: string;
  name_zh: string;
  name_en: string;
}

export interface RefCatalogueEditionTable {
  id: string;
  title_zh: string;
  title_en: string;
  effective_from: string;
  source: string;
}

export interface RefInstrumentCategoryTable {
  edition_id: string;
  code: string;
  name_zh: string;
  name_en: string;
  regulation: string;
  supervision_mode: string;
  verification_mode: string;
  cycle_months: number | null;
  service_life_months: number | null;
  use_domains: string;
  confirmed: number;
  /** 1: in the compulsory-verification catalogue; 0: calibrated at the owner's discretion */
  compulsory: number;
}

export interface OrganizationTable {
  id: Generated<number>;
  uscc: string;
  name: string;
  district_code: string;
  address: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  created_at: string;
}

export interface OrganizationRoleTable {
  organization_id: number;
  role: string;
}

export interface InstrumentTable {
  id: Generated<number>;
  category_code: string;
  manufacturer: string;
  model: string;
  serial_no: string;
  pattern_approval_no: string | null;
  accuracy_class: string | null;
  measuring_range: string | null;
  site: string | null;
  district_code: string;
  use_domain: string;
  owner_id: number;
  manufactured_on: string | null;
  registered_on: string;
  installed_on: string | null;
  service_life_months: number | null;
  status: string;
  suspension_reason: string | null;
  next_due_on: string | null;
  last_verified_on: string | null;
  last_conclusion: string | null;
  created_at: string;
}

export interface InstrumentEventTable {
  id: Generated<number>;
  instrument_id: number;
  kind: string;
  occurred_on: string;
  detail: string;
  recorded_at: string;
}

export interface VerificationTable {
  id: Generated<number>;
  instrument_id: number;
  institution_id: number;
  verified_on: string;
  verifier: string;
  checker: string;
  approver: string;
  regulation: string;
  place: string;
  environment: string;
  standards: string;
  items: string;
  adjusted: number;
  conclusion: string;
  document_no: string;
  valid_until: string | null;
  catalogue_edition: string;
  recorded_at: string;
  /** JSON {input, result} of the GUM budget recorded with a calibration; optional on insert */
  uncertainty_budget: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DocumentSequenceTable {
  institution_id: number;
  kind: string;
  year: number;
  last_value: number;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  /** active | disabled */
  status: string;
  failed_logins: Generated<number>;
  locked_until: string | null;
  password_changed_at: string;
  created_at: string;
}

export interface UserGrantTable {
  user_id: number;
  role: string;
  /** platform | city | district | organization */
  scope_kind: string;
  /** district code, organization id, or '' for platform and city */
  scope_ref: string;
}

export interface UserSessionTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  reauthenticated_at: string;
  /** User-Agent at sign-in, cut to 200 characters */
  user_agent: string | null;
  client_address: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  role: string;
  scope_kind: string;
  scope_ref: string;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** null: created before tokens expired (migration 202611291200) */
  expires_at: string | null;
}

export interface AuditLogTable {
  seq: number;
  recorded_at: string;
  request_id: string | null;
  /** user | token | system | anonymous */
  actor_kind: string;
  actor_id: string | null;
  scope: string | null;
  action: string;
  /** ok | denied | failed */
  outcome: string;
  target_type: string | null;
  target_id: string | null;
  /** canonical JSON (RFC 8785); ids only, never personal data */
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface AuditCheckpointTable {
  seq: number;
  head_hash: string;
  recorded_at: string;
  key_id: string;
  signature: string;
}

export interface SigningKeyTable {
  key_id: string;
  institution_id: number;
  /** raw Ed25519 public key, base64url */
  public_key: string;
  created_at: string;
  retired_at: string | null;
  revoked_at: string | null;
  revoke_reason: string | null;
}

export interface CertificateVersionTable {
  certificate_no: string;
  version: number;
  verification_id: number;
  institution_id: number;
  instrument_id: number;
  /** certificate | result_notice */
  kind: string;
  issued_at: string;
  valid_until: string | null;
  key_id: string;
  /** JSON of the signed claims */
  claims: string;
  /** JSON snapshot of what the version states (CertificateFacts) */
  facts: string;
  qr_text: string;
  amend_reason: string | null;
  log_index: number;
  leaf_hash: string;
}

export interface CertificateActionTable {
  id: Generated<number>;
  certificate_no: string;
  version: number;
  /** issue | amend | revoke */
  action: string;
  at: string;
  reason: string | null;
}

/** One row per certificate: the public view's stored part (migrations 202611281200, 202611291000). */
export interface CertificateLookupTable {
  certificate_no: string;
  latest_version: number;
  valid_until: string | null;
  revoked_at: string | null;
  /** The view's JSON up to the latest version's status value (services/certificates/public-view.ts) */
  view_json: string;
}

export interface LogCheckpointTable {
  tree_size: number;
  root_hash: string;
  signed_note: string;
  created_at: string;
}

export interface Database {
  ref_district: RefDistrictTable;
  ref_district_alias: RefDistrictAliasTable;
  ref_use_domain: RefUseDomainTable;
  ref_catalogue_edition: RefCatalogueEditionTable;
  ref_instrument_category: RefInstrumentCategoryTable;
  organization: OrganizationTable;
  organization_role: OrganizationRoleTable;
  instrument: InstrumentTable;
  instrument_event: InstrumentEventTable;
  verification: VerificationTable;
  document_sequence: DocumentSequenceTable;
  app_user: AppUserTable;
  user_grant: UserGrantTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  audit_checkpoint: AuditCheckpointTable;
  signing_key: SigningKeyTable;
  certificate_version: CertificateVersionTable;
  certificate_action: CertificateActionTable;
  certificate_lookup: CertificateLookupTable;
  log_checkpoint: LogCheckpointTable;
}
