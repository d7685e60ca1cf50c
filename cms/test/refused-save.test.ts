import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../tests/support/browser.ts';
import { bootStrapi, type RunningStrapi } from './helpers/boot-strapi.mts';

const EDITOR = { email: 'redakcja@example.org', password: 'Tablica-test-2026!' };
let cms: RunningStrapi;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!hasChromium) return;
  cms = await bootStrapi({
    seedDemo: true,
    serveAdminPanel: true,
    env: { ADMIN_EMAIL: EDITOR.email, ADMIN_PASSWORD: EDITOR.password },
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'pl-PL' });
  await page.goto(`${cms.url}/admin`);
  await page.locator('input[name="email"]').fill(EDITOR.email);
  await page.locator('input[name="password"]').fill(EDITOR.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'));
});
afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

describe.skipIf(!hasChromium)('a refused save loses nothing the editor typed', () => {
  it('in the edit view of an existing draft, the channel just added stays, with its message', async () => {
    const notice = await cms.strapi.db
      .query('api::notice.notice')
      .findOne({ where: { locale: 'pl', publishedAt: null }, populate: { channels: true } });
    const count = notice.channels.length;
    await page.goto(
      `${cms.url}/admin/content-manager/collection-types/api::notice.notice/${notice.documentId}?plugins[i18n][locale]=pl`,
    );
    await expect
      .poll(() => page.locator('label').allTextContents(), { timeout: 20_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^Kanały kontaktu\\s\\(${count}\\)$`))]));
    // The second "Dodaj wpis" of the form is the channels' one.
    await page.getByRole('button', { name: 'Dodaj wpis' }).nth(1).click();
    await page.locator(`input[name="channels.${count}.label"]`).fill('Pogotowie wodociągowe');
    await page.locator(`input[name="channels.${count}.value"]`).fill('12');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect
      .poll(() => page.getByRole('status').or(page.getByRole('alert')).allInnerTexts(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Numer telefonu jest nieprawidłowy')]));
    // Strapi reloads the entry after the refusal; give it the time it takes.
    await page.waitForTimeout(2_000);
    expect(await page.locator('label').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^Kanały kontaktu\\s\\(${count + 1}\\)$`))]),
    );
    expect(await page.locator(`input[name="channels.${count}.label"]`).inputValue()).toBe('Pogotowie wodociągowe');
    expect(await page.locator(`input[name="channels.${count}.value"]`).inputValue()).toBe('12');
    expect(await page.locator(`input[name="channels.${count}.value"]`).getAttribute('aria-invalid')).toBe('true');

    // Fixed to the water emergency number: the message goes at once, and it saves.
    const value = page.locator(`input[name="channels.${count}.value"]`);
    const message = page.locator(`[id="${await value.getAttribute('id')}-error"]`);
    expect(await message.count()).toBe(1);
    await value.fill('994');
    await expect.poll(() => message.count()).toBe(0);
    expect(await value.getAttribute('aria-invalid')).not.toBe('true');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect
      .poll(
        async () =>
          (
            await cms.strapi.db
              .query('api::notice.notice')
              .findOne({ where: { id: notice.id }, populate: { channels: true } })
          ).channels.map((channel: { value: string }) => channel.value),
        { timeout: 15_000 },
      )
      .toContain('994');
  });
});
