// The record-verification drawer of the instrument detail page, driven as a user would.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { expectText, pickOption } from './ui.ts';
import { USCC, type ApiClient, type Created } from './seed.ts';

/** The institute every drawer helper picks (seed it under this name). */
export const INSTITUTE_NAME = '重庆市计量质量检测研究院';

/** A fuel-station owner, the institute the drawer helpers pick, and one fuel dispenser of the owner. */
export async function seedDispenser(api: ApiClient, serialNo: string): Promise<Created> {
  const owner = await api.post('/api/v1/organizations', { uscc: USCC.stationOwner, name: '重庆渝北加油站有限公司', districtCode: '500112', roles: ['owner'] });
  await api.post('/api/v1/organizations', { uscc: USCC.institute, name: INSTITUTE_NAME, districtCode: '500112', roles: ['verification_institute'] });
  return api.post('/api/v1/instruments', {
    categoryCode: 'FUEL_DISPENSER',
    manufacturer: '正星科技股份有限公司',
    model: 'CS46',
    serialNo,
    districtCode: '500112',
    useDomain: 'TRADE',
    ownerId: owner.id,
  });
}

/** Opens the record-verification drawer and fills who, where and by which institution. */
export async function openVerificationDrawer(page: Page): Promise<Locator> {
  await page.getByTestId('record-verification').click();
  const drawer = page.getByTestId('verification-drawer');
  await drawer.waitFor();
  await pickOption(page, 'field-institutionId', INSTITUTE_NAME, '计量');
  await page.getByTestId('field-verifier').fill('李四');
  await page.getByTestId('field-checker').fill('王五');
  await page.getByTestId('field-approver').fill('赵六');
  await page.getByTestId('field-place').fill('渝北加油站现场');
  return drawer;
}

/** Fills the first standard's name and the first item (示值误差) with its error, MPE, unit and optional uncertainty. */
export async function fillFirstItem(page: Page, item: { error: string; mpe: string; unit: string; u?: string }): Promise<void> {
  await page.getByTestId('standard-0-name').fill('二等标准金属量器');
  await page.getByTestId('item-0-name').fill('示值误差');
  await page.getByTestId('item-0-error').fill(item.error);
  await page.getByTestId('item-0-mpe').fill(item.mpe);
  if (item.u !== undefined) await page.getByTestId('item-0-u').fill(item.u);
  await page.getByTestId('item-0-unit').fill(item.unit);
}

/** Records a verification with one item of the given error (MPE 0.3 %) and waits for the drawer to close. */
export async function recordVerification(page: Page, error: string, expected: 'pass' | 'fail'): Promise<void> {
  const drawer = await openVerificationDrawer(page);
  await page.getByTestId('field-temperatureC').fill('21.5');
  await page.getByTestId('field-humidityPct').fill('60');
  await fillFirstItem(page, { error, mpe: '0.3', unit: '%' });
  await page.getByTestId('standard-0-certificateNo').fill('[2020]渝量标证字第001号');
  await expectText(page.getByTestId('item-0-result'), expected === 'pass' ? '合格' : '不合格');
  const checked = await page.getByTestId(`conclusion-${expected}`).evaluate((el) => el.closest('label')?.className ?? '');
  assert.match(checked, /checked/, `conclusion ${expected} follows the items`);
  await page.getByTestId('verification-submit').click();
  await drawer.waitFor({ state: 'hidden' });
}
