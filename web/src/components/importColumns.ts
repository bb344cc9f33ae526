// Import report columns arrive as the input field keys of the template; show them by name.
import type { ImportKind } from '../api/types.ts';

const INSTRUMENT_COLUMNS: Record<string, string> = {
  categoryCode: 'instrument.category',
  manufacturer: 'instrument.manufacturer',
  model: 'instrument.model',
  serialNo: 'instrument.serialNo',
  ownerUscc: 'importPage.ownerUscc',
  districtCode: 'importPage.districtCode',
  useDomain: 'instrument.useDomain',
  site: 'instrument.site',
  patternApprovalNo: 'instrument.patternApprovalNo',
  accuracyClass: 'instrument.accuracyClass',
  measuringRange: 'instrument.measuringRange',
  manufacturedOn: 'instrument.manufacturedOn',
  installedOn: 'instrument.installedOn',
  registeredOn: 'instrument.registeredOn',
  serviceLifeMonths: 'instrument.serviceLifeMonths',
};

const ORGANIZATION_COLUMNS: Record<string, string> = {
  uscc: 'organization.uscc',
  name: 'organization.name',
  districtCode: 'importPage.districtCode',
  roles: 'organization.roles',
  address: 'organization.address',
  contactName: 'organization.contactName',
  contactPhone: 'organization.contactPhone',
};

/** The i18n key naming a report column, or null for a column we do not know. */
export function columnKey(kind: ImportKind, column: string): string | null {
  const table = kind === 'instruments' ? INSTRUMENT_COLUMNS : ORGANIZATION_COLUMNS;
  return table[column] ?? null;
}
