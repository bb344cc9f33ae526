// Helpers for driving antd widgets and waiting without a test framework's auto-retrying expect.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Locator, Page } from 'playwright-core';

/** Polls until `check` returns true (or a truthy value), failing with `what` after the timeout. */
export async function eventually<T>(what: string, check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await sleep(100);
  }
}

/** Waits until the locator matches exactly `count` elements. */
export async function expectCount(locator: Locator, count: number, what = 'elements'): Promise<void> {
  await eventually(`${count} ${what}`, async () => (await locator.count()) === count);
}

/** Waits until the locator's text contains `text`. */
export async function expectText(locator: Locator, text: string | RegExp): Promise<string> {
  return eventually(`text ${String(text)}`, async () => {
    const content = (await locator.first().textContent()) ?? '';
    return (typeof text === 'string' ? content.includes(text) : text.test(content)) ? content : '';
  });
}

/** Waits until the number shown by the first `testId` element inside `scope` is within `tolerance` of `expected`; returns it. */
export async function expectNumber(scope: Page | Locator, testId: string, expected: number, tolerance: number): Promise<number> {
  return eventually(`${testId} ≈ ${expected}`, async () => {
    const text = (await scope.getByTestId(testId).first().textContent()) ?? '';
    const value = Number(text.replace(/[^0-9eE+.-]/g, ''));
    return Number.isFinite(value) && Math.abs(value - expected) <= tolerance ? value : 0;
  });
}

/** Opens an antd Select by its data-testid, optionally types a search, and clicks the option. */
export async function pickOption(page: Page, testId: string, label: string, search?: string): Promise<void> {
  await page.getByTestId(testId).click();
  if (search !== undefined) await page.keyboard.type(search);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first();
  await option.waitFor({ state: 'visible' });
  await option.click();
}

/** Texts of the visible instrument rows' serial numbers. */
export async function serialNumbers(page: Page, tableTestId = 'instrument-table'): Promise<string[]> {
  return page.getByTestId(tableTestId).getByTestId('instrument-row').evaluateAll((rows) =>
    rows.map((row) => row.getAttribute('data-serial-no') ?? '').sort(),
  );
}

/** Waits until the table shows exactly these serial numbers (any order). */
export async function expectSerials(page: Page, expected: string[], tableTestId = 'instrument-table'): Promise<void> {
  const want = [...expected].sort().join(',');
  await eventually(`rows ${want}`, async () => (await serialNumbers(page, tableTestId)).join(',') === want);
}

/** Signs the page in through the sign-in page and waits until it has landed on `next` (default the home page). */
export async function signIn(page: Page, username: string, password: string, next = '/'): Promise<void> {
  await page.goto(next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('login-page').waitFor({ state: 'detached' });
}
