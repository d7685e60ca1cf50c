import { formatUntil, isLocalMidnight } from '@tablica/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { looserThanProduction } from '../../tests/support/admin-policy.ts';
import { hasChromium, launchChromium } from '../../tests/support/browser.ts';
import { startHostSite } from '../../tests/support/host-site.ts';
import { bootStrapi, type RunningStrapi } from './helpers/boot-strapi.mts';
import { noticeData } from './helpers/notices.ts';
import { rest } from './helpers/rest.mts';

/**
 * Where editors meet the rules: the real admin panel in Chromium. An editor saves a notice with
 * a wrong phone number and an end before its start, sees each message next to its field, fixes
 * both and publishes.
 */
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
});

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
});

/** The error text Strapi shows for a field: the element its input (or label) points to. */
async function fieldError(labelOrName: { name?: string; label?: string }) {
  const id = labelOrName.name
    ? await page.locator(`[name="${labelOrName.name}"]`).getAttribute('id')
    : await page.locator('label', { hasText: new RegExp(`^${labelOrName.label}\\*?$`) }).getAttribute('for');
  return page.locator(`[id="${id}-error"]`);
}

/** The period as editors enter it: a day ("Obowiązuje od/do") and, if needed, a time. */
async function setDay(field: 'effectiveFromDate' | 'effectiveUntilDate', date: string) {
  const input = page.locator(`input[name="${field}"]`);
  await input.fill(date);
  await input.press('Tab');
}

async function setTime(field: 'effectiveFromTime' | 'effectiveUntilTime', time: string) {
  const input = page.locator(`input[name="${field}"]`);
  await input.fill(time);
  await input.press('Enter');
}

/** On the login page: signs in as the editor and waits to be let in. */
async function logIn() {
  await page.locator('input[name="email"]').fill(EDITOR.email);
  await page.locator('input[name="password"]').fill(EDITOR.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'));
}

describe.skipIf(!hasChromium)('an editor in the admin panel (Chromium)', () => {
  it('logs in and sees the notice form in Polish', async () => {
    const policy = (await fetch(`${cms.url}/admin`)).headers.get('content-security-policy');
    expect(looserThanProduction(policy)).toEqual([]);
    await page.goto(`${cms.url}/admin`);
    // A browser that never chose a language: the login page is Polish already.
    await expect.poll(() => page.locator('h1').allInnerTexts(), { timeout: 20_000 }).toContain('Tablica — komunikaty');
    expect(await page.getByRole('button', { name: 'Zaloguj się' }).count()).toBe(1);
    await logIn();
    await page.goto(
      `${cms.url}/admin/content-manager/collection-types/api::notice.notice/create?plugins[i18n][locale]=pl`,
    );
    await expect
      .poll(() => page.locator('label').allInnerTexts(), { timeout: 20_000 })
      .toEqual(
        expect.arrayContaining([
          'Tytuł*',
          'Streszczenie*',
          'Obowiązuje od*',
          'Obowiązuje do',
          expect.stringMatching(/^Kanały kontaktu/),
        ]),
      );
  });

  it('goes from the notice list to a new notice without a tour for developers in the way', async () => {
    // The person who set the CMS up is its first super admin, whom Strapi's guided tour ("Krok 1 z
    // 4": create a schema, deploy to Strapi Cloud) follows in a development build of the panel,
    // covering the list with a layer that takes the clicks. Editors get a production build.
    await page.goto(`${cms.url}/admin/content-manager/collection-types/api::notice.notice?plugins[i18n][locale]=pl`);
    await page.getByRole('link', { name: 'Dodaj nowy wpis' }).click({ timeout: 20_000 });
    await page.waitForURL(/\/create/, { timeout: 20_000 });
    expect(await page.getByText(/Krok \d+ z \d+/).count()).toBe(0);
  });

  it('is told next to each field what is wrong, after one save', async () => {
    await page.locator('input[name="title"]').fill('Zamknięcie punktu obsługi mieszkańców');
    await page
      .locator('textarea[name="summary"]')
      .fill('Punkt obsługi jest zamknięty. Sprawy załatwisz telefonicznie.');
    await page.locator('input[name="slug"]').fill('zamkniecie-punktu-obslugi');
    await page.locator('input[name="institution"]').click();
    await page.getByRole('option', { name: /Miejski Ośrodek Pomocy Społecznej w Częstochowie/ }).click();
    await setDay('effectiveFromDate', '16.03.2026');
    await setTime('effectiveFromTime', '08:00');
    await setDay('effectiveUntilDate', '10.03.2026');
    await setTime('effectiveUntilTime', '08:00');
    await page
      .getByRole('button', { name: /Jeszcze nie ma wpisu/ })
      .nth(1)
      .click();
    await page.locator('input[name="channels.0.label"]').fill('Sekretariat');
    await page.locator('input[name="channels.0.value"]').fill('12');
    await page.getByRole('button', { name: 'Zapisz' }).click();

    await expect
      .poll(async () => (await fieldError({ name: 'channels.0.value' })).innerText(), { timeout: 15_000 })
      .toMatch(/^Numer telefonu jest nieprawidłowy\. Wpisz numer w postaci „34 370 82 00”/);
    expect(await (await fieldError({ label: 'Obowiązuje do' })).innerText()).toBe(
      'Data końcowa musi być późniejsza niż data początkowa. Popraw jedną z nich.',
    );
    expect(await page.locator('input[name="channels.0.value"]').getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page.getByRole('status').or(page.getByRole('alert')).allInnerTexts(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Popraw 2 pola oznaczone w formularzu.')]));
    // Nothing was stored.
    expect(
      await cms.strapi.db.query('api::notice.notice').count({ where: { slug: 'zamkniecie-punktu-obslugi' } }),
    ).toBe(0);
  });

  it('fixes both fields, saves and publishes; residents can read it', async () => {
    await page.locator('input[name="channels.0.value"]').fill('34 370 82 00 wew. 21');
    await setDay('effectiveUntilDate', '25.03.2026');
    await setTime('effectiveUntilTime', '23:00');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect
      .poll(() => cms.strapi.db.query('api::notice.notice').count({ where: { slug: 'zamkniecie-punktu-obslugi' } }), {
        timeout: 15_000,
      })
      .toBe(1);
    await page.getByRole('button', { name: 'Opublikuj' }).click();
    await expect
      .poll(
        async () =>
          (
            await rest<{ data: { slug: string; channels: { value: string; extension?: string }[] }[] }>(
              cms.url,
              '/api/notices?filters[slug][$eq]=zamkniecie-punktu-obslugi',
            )
          ).body.data,
        { timeout: 15_000 },
      )
      .toEqual([
        expect.objectContaining({
          slug: 'zamkniecie-punktu-obslugi',
          channels: [expect.objectContaining({ value: '+48343708200', extension: '21' })],
        }),
      ]);
  });
});

describe.skipIf(!hasChromium)('an editor who never touches the address field', () => {
  it('types the title, saves: the notice is at the title’s address, shown in the form', async () => {
    await page.goto(
      `${cms.url}/admin/content-manager/collection-types/api::notice.notice/create?plugins[i18n][locale]=pl`,
    );
    await page.locator('input[name="title"]').fill('Przerwa w dostawie wody na ul. Lipowej');
    await page.locator('textarea[name="summary"]').fill('Woda wróci po naprawie sieci. Beczkowozy stoją przy szkole.');
    await page.locator('input[name="institution"]').click();
    await page.getByRole('option', { name: /Miejski Ośrodek Pomocy Społecznej w Częstochowie/ }).click();
    await setDay('effectiveFromDate', '16.03.2026');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    const slug = 'przerwa-w-dostawie-wody-na-ul-lipowej';
    await expect
      .poll(() => cms.strapi.db.query('api::notice.notice').count({ where: { slug } }), { timeout: 15_000 })
      .toBe(1);
    await expect.poll(() => page.locator('input[name="slug"]').inputValue(), { timeout: 15_000 }).toBe(slug);
  });
});

describe.skipIf(!hasChromium)('"until the 25th", clicked in the calendar', () => {
  it('the day clicked is the day residents read: the notice ends as the 25th ends, in its zone', async () => {
    await page.goto(
      `${cms.url}/admin/content-manager/collection-types/api::notice.notice/create?plugins[i18n][locale]=pl`,
    );
    await page.locator('input[name="title"]').fill('Zamknięcie hali sportowej na czas remontu');
    await page
      .locator('textarea[name="summary"]')
      .fill('Hala jest zamknięta. Zajęcia odbywają się na boisku szkolnym.');
    await page.locator('input[name="institution"]').click();
    await page.getByRole('option', { name: /Miejski Ośrodek Pomocy Społecznej w Częstochowie/ }).click();
    await setDay('effectiveFromDate', '01.12.2026');
    // As an editor does it: open the calendar of "Obowiązuje do" and click day 25, no time.
    await page.locator('input[name="effectiveUntilDate"]').click();
    await page.getByRole('gridcell', { name: '25' }).first().click();
    await expect.poll(() => page.locator('input[name="effectiveUntilDate"]').inputValue()).toMatch(/^25\./);
    await page.getByRole('button', { name: 'Zapisz' }).click();
    const slug = 'zamkniecie-hali-sportowej-na-czas-remontu';
    await expect
      .poll(() => cms.strapi.db.query('api::notice.notice').count({ where: { slug } }), { timeout: 15_000 })
      .toBe(1);
    await page.getByRole('button', { name: 'Opublikuj' }).click();
    const published = async () =>
      (
        await rest<{ data: { effectiveUntil?: string; timeZone: string }[] }>(
          cms.url,
          `/api/notices?filters[slug][$eq]=${slug}`,
        )
      ).body.data[0];
    await expect.poll(published, { timeout: 15_000 }).toBeDefined();
    const notice = await published();
    const until = new Date(notice?.effectiveUntil ?? '');
    // The notice is over at the first instant of the 26th in its zone: every output says "do 25 …".
    expect(formatUntil(until, notice?.timeZone ?? 'Europe/Warsaw', 'pl')).toMatch(/^do 25 [a-zżź]+ 2026 r\.$/);
    expect(isLocalMidnight(until, 'Europe/Warsaw')).toBe(true);
  });
});

describe.skipIf(!hasChromium)('an editor is told when a published notice is not updated on the site', () => {
  it('the notice list names it, and its edit view says which field to fix', async () => {
    const slug = 'filia-biblioteki-nr-3-zamknieta';
    const rows = cms.strapi.db.query('api::notice.notice');
    const published = await rows.findOne({ where: { slug, locale: 'pl', publishedAt: { $notNull: true } } });
    // Broken behind the rules' back: the site build keeps its last good version.
    await rows.update({ where: { id: published.id }, data: { title: 'x' } });
    // The CMS reuses its answer for a few seconds; a fresh look after that sees the change.
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    await page.goto(`${cms.url}/admin/content-manager/collection-types/api::notice.notice?plugins[i18n][locale]=pl`);
    const banner = page.getByRole('alert').filter({ hasText: 'których serwis nie aktualizuje' });
    await expect.poll(() => banner.innerText(), { timeout: 20_000 }).toContain(`${slug} (pl)`);
    await banner.getByRole('link', { name: slug }).click();
    const panel = page.getByRole('alert').filter({ hasText: 'Popraw wskazane pola' });
    await expect.poll(() => panel.innerText(), { timeout: 20_000 }).toMatch(/\[pl\] Tytuł: .*co najmniej 10/);
    await rows.update({ where: { id: published.id }, data: { title: published.title } });
  });
});

describe.skipIf(!hasChromium)('Przedłuż and Odwołaj: one step each, from the edit view', () => {
  // Next year's 25 March: in force now, on any day this test runs.
  const year = new Date().getFullYear() + 1;
  let documentId = '';

  const publicNotice = async (locale = 'pl') =>
    (
      await rest<{
        data: { revision: number; effectiveUntil?: string; liftedAt?: string; updates: { text: string }[] };
      }>(cms.url, `/api/notices/${documentId}?locale=${locale}`)
    ).body.data;

  beforeAll(async () => {
    if (!hasChromium) return;
    const institution = await cms.strapi.db.query('api::institution.institution').findOne({ where: {} });
    const documents = cms.strapi.documents('api::notice.notice');
    const created = await documents.create({
      locale: 'pl',
      data: noticeData(institution.documentId, {
        title: 'Zamknięcie basenu miejskiego na czas awarii',
        slug: 'zamkniecie-basenu-miejskiego',
        summary: 'Basen jest zamknięty z powodu awarii filtrów. Karnety zostaną przedłużone.',
        effectiveFrom: undefined,
        effectiveUntil: undefined,
        effectiveFromDate: '2026-03-16',
        effectiveUntilDate: `${year}-03-25`,
      }) as never,
    });
    documentId = created.documentId;
    await documents.update({
      documentId,
      locale: 'uk',
      data: {
        title: 'Закриття міського басейну через аварію',
        summary: 'Басейн зачинено через аварію фільтрів.',
      } as never,
    });
    await documents.publish({ documentId, locale: ['pl', 'uk'] });
  });

  it('extends the notice by clicking a later day in the calendar, with a note, in every language at once', async () => {
    const editView = `${cms.url}/admin/content-manager/collection-types/api::notice.notice/${documentId}?plugins[i18n][locale]=pl`;
    await page.goto(editView);
    // Run on its own, this part signs in first.
    await page.locator('input[name="email"], input[name="title"]').first().waitFor({ timeout: 20_000 });
    if (await page.locator('input[name="email"]').count()) {
      await logIn();
      await page.goto(editView);
    }
    await page.getByRole('button', { name: 'Przedłuż…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Przedłuż komunikat' });
    // The calendar opens on the notice's last day (25 March); the editor clicks the 28th.
    await dialog.getByLabel('Nowy ostatni dzień').click();
    // The calendar is outside the dialog, which hides the rest of the page from assistive
    // technology (Radix); a screen-reader user types the day instead ("28.03.2027").
    await page.getByRole('gridcell', { name: new RegExp(`, 28 marca ${year}$`), includeHidden: true }).click();
    await dialog.getByLabel('Uwagi dla mieszkańców (opcjonalnie)').fill('Naprawa filtrów potrwa dłużej.');
    await dialog.getByRole('button', { name: 'Przedłuż i opublikuj' }).click();

    await expect.poll(async () => (await publicNotice()).revision, { timeout: 15_000 }).toBe(2);
    const [pl, uk] = [await publicNotice(), await publicNotice('uk')];
    expect(formatUntil(new Date(pl.effectiveUntil ?? ''), 'Europe/Warsaw', 'pl')).toBe(`do 28 marca ${year} r.`);
    expect(uk.effectiveUntil).toBe(pl.effectiveUntil);
    expect(pl.updates.map((entry) => entry.text)).toEqual([
      `Przedłużono do 28 marca ${year} r. Naprawa filtrów potrwa dłużej.`,
    ]);
    expect(uk.updates.map((entry) => entry.text)).toEqual([expect.stringMatching(/^Продовжено до 28 березня/)]);
    // The published page, one click away.
    await expect
      .poll(() => page.getByRole('link', { name: 'Zobacz w serwisie (nowa karta)' }).getAttribute('href'), {
        timeout: 15_000,
      })
      .toMatch(/^https?:\/\/[^/]+\/komunikaty\/zamkniecie-basenu-miejskiego\/$/);
    // The form, reloaded, shows the new last day and nothing left to publish.
    await expect
      .poll(() => page.locator('input[name="effectiveUntilDate"]').inputValue(), { timeout: 15_000 })
      .toBe(`28.03.${year}`);
  });

  it('is told in the dialog why the same day is no extension, and that a day is needed', async () => {
    await page.getByRole('button', { name: 'Przedłuż…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Przedłuż komunikat' });
    // The field starts at the current last day: confirming it unchanged extends nothing.
    expect(await dialog.getByLabel('Nowy ostatni dzień').inputValue()).toBe(`28.03.${year}`);
    await dialog.getByRole('button', { name: 'Przedłuż i opublikuj' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').innerText(), { timeout: 10_000 })
      .toMatch(/musi być późniejszy niż obecny/);
    await dialog.getByRole('button', { name: 'Wyczyść datę' }).click();
    await dialog.getByRole('button', { name: 'Przedłuż i opublikuj' }).click();
    await expect
      .poll(() => dialog.getByText('Wybierz nowy ostatni dzień albo zaznacz „Do odwołania”.').count())
      .toBe(1);
    expect((await publicNotice()).revision).toBe(2);
    await dialog.getByRole('button', { name: 'Anuluj' }).click();
  });

  it('lifts the notice now, with a note; the panel then says it is lifted', async () => {
    await page.getByRole('button', { name: 'Odwołaj teraz…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Odwołaj komunikat' });
    await dialog.getByLabel('Uwagi dla mieszkańców (opcjonalnie)').fill('Basen jest znów otwarty.');
    await dialog.getByRole('button', { name: 'Odwołaj i opublikuj' }).click();

    await expect.poll(async () => (await publicNotice()).revision, { timeout: 15_000 }).toBe(3);
    const [pl, uk] = [await publicNotice(), await publicNotice('uk')];
    expect(pl.liftedAt).toBeDefined();
    expect(uk.liftedAt).toBe(pl.liftedAt);
    expect(pl.updates.at(-1)?.text).toBe('Komunikat odwołano. Basen jest znów otwarty.');
    expect(uk.updates.at(-1)?.text).toBe('Повідомлення скасовано.');
    await expect
      .poll(() => page.getByText('Komunikat odwołano. Aby ogłosić coś nowego').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await page.getByRole('button', { name: 'Odwołaj teraz…' }).count()).toBe(0);
  });
});

describe.skipIf(!hasChromium)(
  'an Editor (not the IT administrator) sees a Polish admin with nothing they do not use',
  () => {
    const editor = { email: 'redaktorka@example.org', password: 'Redaktorka-test-2026!' };
    let editorPage: Page;

    beforeAll(async () => {
      if (!hasChromium) return;
      const role = await cms.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
      await cms.strapi.service('admin::user').create({
        ...editor,
        firstname: 'Anna',
        lastname: 'Redaktorka',
        isActive: true,
        roles: [role.id],
      });
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'pl-PL' });
      editorPage = await context.newPage();
      await editorPage.goto(`${cms.url}/admin`);
      await editorPage.locator('input[name="email"]').fill(editor.email);
      await editorPage.locator('input[name="password"]').fill(editor.password);
      await editorPage.locator('button[type="submit"]').click();
      await editorPage.waitForURL((url) => !url.pathname.includes('/auth/'));
    });

    it('"Zawartość" opens on the notices; no marketplace, no type builder, no English banner', async () => {
      await editorPage.goto(`${cms.url}/admin/content-manager`);
      await editorPage.waitForURL(/collection-types\/api::notice\.notice/, { timeout: 20_000 });
      await expect
        .poll(() => editorPage.locator('thead th').allTextContents(), { timeout: 20_000 })
        .toEqual(expect.arrayContaining([expect.stringMatching(/^Stan/), expect.stringMatching(/^Waga/)]));
      expect(await editorPage.locator('a[href*="market.strapi.io"], a[href*="content-type-builder"]').count()).toBe(0);
      expect(await editorPage.getByText(/Media Library/).count()).toBe(0);
      expect(await editorPage.getByPlaceholder('Szukaj').count()).toBeGreaterThan(0);
    });

    it('the list shows each notice’s state and weight as words, never raw values', async () => {
      const cells = await editorPage.getByRole('gridcell').allInnerTexts();
      expect(cells).toEqual(expect.arrayContaining([expect.stringMatching(/^(Obowiązuje|Zakończony|Zapowiedziany)$/)]));
      expect(cells).toEqual(expect.arrayContaining([expect.stringMatching(/^(Ważny|Pilny|Informacja)$/)]));
      expect(cells.filter((cell) => /^(important|urgent|info|obowiazuje|zakonczony|szkic)$/.test(cell))).toEqual([]);
    });

    it('the form’s choice lists offer Polish words', async () => {
      await editorPage.goto(
        `${cms.url}/admin/content-manager/collection-types/api::notice.notice/create?plugins[i18n][locale]=pl`,
      );
      await editorPage.getByRole('combobox', { name: 'Waga' }).click();
      // (Strapi keeps a hidden "Wybierz tutaj" first.)
      expect((await editorPage.getByRole('option').allInnerTexts()).slice(-3)).toEqual([
        'Informacja',
        'Ważny',
        'Pilny',
      ]);
      await editorPage.keyboard.press('Escape');
      await editorPage.getByRole('combobox', { name: 'Kategoria' }).click();
      expect(await editorPage.getByRole('option').allInnerTexts()).toEqual(
        expect.arrayContaining(['Zamknięcie', 'Zmiana w działaniu', 'Inne']),
      );
    });
  },
);

describe.skipIf(!hasChromium)('a page of another origin on the same site as the CMS (a sibling subdomain)', () => {
  it('cannot use the signed-in editor’s session: the CMS lets no other origin read an answer to it', async () => {
    // Another port of 127.0.0.1 is another origin but the same site, as blog.miasto.pl is to
    // cms.miasto.pl: the browser sends the editor's SameSite=Lax session cookie with its requests.
    const sibling = await startHostSite();
    try {
      await page.goto(sibling.set('/', '<!doctype html><title>blog</title>'));
      const stolen = await page.evaluate(async (cmsUrl) => {
        try {
          const response = await fetch(`${cmsUrl}/admin/access-token`, {
            method: 'POST',
            credentials: 'include',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          });
          return `read: ${response.status} ${await response.text()}`;
        } catch (error) {
          return `refused: ${(error as Error).message}`;
        }
      }, cms.url);
      expect(stolen).toMatch(/^refused: /);
      // The editor's own session in the panel still works.
      await page.goto(`${cms.url}/admin/content-manager/collection-types/api::notice.notice?plugins[i18n][locale]=pl`);
      await expect.poll(() => page.getByRole('link', { name: 'Dodaj nowy wpis' }).count(), { timeout: 20_000 }).toBe(1);
    } finally {
      await sibling.close();
    }
  });
});
