// The ordered list of migrations. Files are frozen once released: change the schema with a new one.
import type { Migration } from 'kysely';
import * as createReferenceData from './202611271200_create-reference-data.ts';
import * as createRegistry from './202611271210_create-registry.ts';
import * as createVerifications from './202611271220_create-verifications.ts';
import * as addNonCompulsoryCategories from './202611271300_add-non-compulsory-categories.ts';
import * as createAccounts from './202611280900_create-accounts.ts';
import * as createAuditLog from './202611280910_create-audit-log.ts';
import * as createCertificates from './202611281000_create-certificates.ts';
import * as addUncertaintyBudget from './202611281100_add-uncertainty-budget.ts';
import * as createCertificateLookup from './202611281200_create-certificate-lookup.ts';
import * as storeLookupViewJson from './202611291000_store-lookup-view-json.ts';
import * as addSessionClient from './202611291100_add-session-client.ts';
import * as addTokenExpiry from './202611291200_add-token-expiry.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '202611271200_create-reference-data': createReferenceData,
  '202611271210_create-registry': createRegistry,
  '202611271220_create-verifications': createVerifications,
  '202611271300_add-non-compulsory-categories': addNonCompulsoryCategories,
  '202611280900_create-accounts': createAccounts,
  '202611280910_create-audit-log': createAuditLog,
  '202611281000_create-certificates': createCertificates,
  '202611281100_add-uncertainty-budget': addUncertaintyBudget,
  '202611281200_create-certificate-lookup': createCertificateLookup,
  '202611291000_store-lookup-view-json': storeLookupViewJson,
  '202611291100_add-session-client': addSessionClient,
  '202611291200_add-token-expiry': addTokenExpiry,
};
