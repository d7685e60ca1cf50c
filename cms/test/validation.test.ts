import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStrapi } from './helpers/boot-strapi.mts';
import { bootWithWriter, noticeData } from './helpers/notices.ts';
import { rest } from './helpers/rest.mts';

type ErrorBody = {
  error: { status: number; name: string; message: string; details: { errors: { path: string[]; message: string }[] } };
};

let cms: RunningStrapi;
let writer: string;
let institution: string;

beforeAll(async () => {
  ({ cms, writer, institution } = await bootWithWriter());
});
afterAll(async () => {
  await cms?.stop();
});

const create = (data: Record<string, unknown>) =>
  rest<ErrorBody>(cms.url, '/api/notices?status=draft', { method: 'POST', token: writer, body: { data } });

const pathsOf = (body: ErrorBody) => body.error?.details?.errors?.map((error) => error.path.join('.')) ?? [];

describe('every rule class is refused over REST with a 400 naming the field', () => {
  it.each([
    {
      rule: 'phone channel',
      data: { channels: [{ kind: 'phone', label: 'Tel', value: '12 34' }] },
      path: 'channels.0.value',
      message: /Numer telefonu/,
    },
    {
      rule: 'e-mail channel',
      data: { channels: [{ kind: 'email', label: 'E-mail', value: 'mops@' }] },
      path: 'channels.0.value',
      message: /e-mail/,
    },
    {
      rule: 'ePUAP inbox',
      data: { channels: [{ kind: 'epuap', label: 'ePUAP', value: 'mopsczestochowa' }] },
      path: 'channels.0.value',
      message: /ePUAP/,
    },
    {
      rule: 'script URL',
      data: { links: [{ label: 'Mapa', url: 'javascript:alert(1)' }] },
      path: 'links.0.url',
      message: /https:\/\//,
    },
    {
      rule: 'relative URL',
      data: { source: { name: 'Radio', url: '/radio' } },
      path: 'source.url',
      message: /https:\/\//,
    },
    {
      rule: 'end before start',
      data: { effectiveUntil: '2026-03-01T00:00:00Z' },
      path: 'effectiveUntil',
      message: /późniejsza niż data początkowa/,
    },
    { rule: 'title too short', data: { title: 'Krótki' }, path: 'title', message: /co najmniej 10 znaków/ },
    { rule: 'summary too long', data: { summary: 'x'.repeat(301) }, path: 'summary', message: /skróć go do 300/ },
    {
      rule: 'bidi override',
      data: { title: 'Zamknięcie \u202Efilii biblioteki' },
      path: 'title',
      message: /kierunek pisma/,
    },
    {
      rule: 'control character',
      data: { summary: 'Filia\u0007 zamknięta' },
      path: 'summary',
      message: /znaki sterujące/,
    },
    { rule: 'slug format', data: { slug: 'Zamknięcie Filii' }, path: 'slug', message: /małe litery/ },
    {
      rule: 'empty procedure sub-item',
      data: { procedures: [{ text: 'Krok', items: [{ text: '   ' }] }] },
      path: 'procedures.0.items.0.text',
      message: /nie może być puste/,
    },
    {
      rule: 'limited hours without hours',
      data: { suspensions: [{ facility: 'Basen', mode: 'limited-hours' }] },
      path: 'suspensions.0.hours',
      message: /godziny pracy/,
    },
    {
      rule: 'TERYT code',
      data: { area: { description: 'Częstochowa', teryt: '24640' } },
      path: 'area.teryt',
      message: /7 cyfr/,
    },
    { rule: 'unknown time zone', data: { timeZone: 'Europe/Atlantyda' }, path: 'timeZone', message: /strefa czasowa/ },
    { rule: 'missing institution', data: { institution: null }, path: 'institution', message: /wymagane/ },
    {
      rule: 'PJM video link that is not a web address',
      data: { signLanguageVideo: { link: 'javascript:alert(1)' } },
      path: 'signLanguageVideo.link',
      message: /https:\/\//,
    },
    {
      rule: 'easy-to-read text too long',
      data: { easyRead: 'Krótkie zdanie. '.repeat(130) },
      path: 'easyRead',
      message: /2000/,
    },
  ])('$rule → $path', async ({ data, path, message }) => {
    const response = await create(noticeData(institution, data));
    expect(response.status, response.text).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(pathsOf(response.body)).toEqual([path]);
    expect(response.body.error.details.errors[0]?.message).toMatch(message);
  });

  it('reports every problem of one save at once', async () => {
    const response = await create(
      noticeData(institution, {
        effectiveUntil: '2026-03-01T00:00:00Z',
        channels: [{ kind: 'phone', label: 'Tel', value: '1' }],
      }),
    );
    expect(response.status).toBe(400);
    expect(pathsOf(response.body).sort()).toEqual(['channels.0.value', 'effectiveUntil']);
    expect(response.body.error.message).toBe('Popraw 2 pola oznaczone w formularzu.');
  });

  it('stores a valid notice with its phone number normalised to E.164 and the extension apart', async () => {
    const response = await rest<{ data: { documentId: string } }>(cms.url, '/api/notices', {
      method: 'POST',
      token: writer,
      body: { data: noticeData(institution, { slug: 'poprawny-komunikat' }) },
    });
    expect(response.status, response.text).toBe(201);
    const stored = await rest<{ data: { channels: { value: string; extension?: string }[] } }>(
      cms.url,
      `/api/notices/${response.body.data.documentId}`,
    );
    expect(stored.body.data.channels[0]).toMatchObject({ value: '+48343708200', extension: '12' });
  });
});

describe('the slug is fixed once a notice has been published', () => {
  it('refuses a new slug after publication, and keeps the published notice intact', async () => {
    const notice = await cms.strapi.documents('api::notice.notice').create({
      data: noticeData(institution, { slug: 'stabilny-adres' }) as never,
      status: 'published',
    });
    const response = await rest<ErrorBody>(cms.url, `/api/notices/${notice.documentId}`, {
      method: 'PUT',
      token: writer,
      body: { data: { slug: 'nowy-adres' } },
    });
    expect(response.status).toBe(400);
    expect(pathsOf(response.body)).toEqual(['slug']);
    expect(response.body.error.details.errors[0]?.message).toMatch(/nie można zmienić po pierwszej publikacji/);
    const published = await rest<{ data: { slug: string } }>(cms.url, `/api/notices/${notice.documentId}`);
    expect(published.body.data.slug).toBe('stabilny-adres');
  });

  it('lets a never-published draft change its slug', async () => {
    const draft = await cms.strapi
      .documents('api::notice.notice')
      .create({ data: noticeData(institution, { slug: 'roboczy-adres' }) as never });
    const response = await rest(cms.url, `/api/notices/${draft.documentId}?status=draft`, {
      method: 'PUT',
      token: writer,
      body: { data: { slug: 'poprawiony-adres' } },
    });
    expect(response.status, response.text).toBe(200);
  });
});

describe('publishing checks the draft being published', () => {
  it('refuses to publish a draft that became invalid, and the public keeps the last good version', async () => {
    const notice = await cms.strapi.documents('api::notice.notice').create({
      data: noticeData(institution, { slug: 'publikacja-sprawdzana' }) as never,
      status: 'published',
    });
    // A draft corrupted behind the CMS's back (an import, a database edit): publishing must stop it.
    await cms.strapi.db
      .query('api::notice.notice')
      .updateMany({ where: { documentId: notice.documentId, publishedAt: null }, data: { title: 'Za krótki' } });
    await expect(
      cms.strapi.documents('api::notice.notice').publish({ documentId: notice.documentId, locale: 'pl' }),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      details: { errors: [expect.objectContaining({ path: ['title'] })] },
    });
    const published = await rest<{ data: { title: string } }>(cms.url, `/api/notices/${notice.documentId}`);
    expect(published.body.data.title).toBe('Zamknięcie filii biblioteki do odwołania');
  });
});

describe('institutions and site settings use the same rules', () => {
  it('refuses an institution with a protocol-relative website', async () => {
    const response = await rest<ErrorBody>(cms.url, '/api/institutions', {
      method: 'POST',
      token: writer,
      body: {
        data: { slug: 'urzad-testowy', name: 'Urząd Testowy', type: 'city-hall', website: '//urzad.example.org' },
      },
    });
    expect(response.status).toBe(400);
    expect(pathsOf(response.body)).toEqual(['website']);
  });

  it('refuses site settings with a javascript: base URL', async () => {
    const response = await rest<ErrorBody>(cms.url, '/api/site-setting', {
      method: 'PUT',
      token: writer,
      body: { data: { siteName: 'Tablica', baseUrl: 'javascript:alert(1)', publisherName: 'Tablica' } },
    });
    expect(response.status).toBe(400);
    expect(pathsOf(response.body)).toContain('baseUrl');
  });
});

describe('translations', () => {
  it('adds an English version with only the translated texts: shared fields come from the Polish one', async () => {
    const notice = await cms.strapi.documents('api::notice.notice').create({
      data: noticeData(institution, { slug: 'komunikat-z-tlumaczeniem' }) as never,
      status: 'published',
    });
    const english = await cms.strapi.documents('api::notice.notice').update({
      documentId: notice.documentId,
      locale: 'en',
      data: {
        title: 'Branch library closed until further notice',
        summary: 'Branch 3 is closed. Return books to the main library.',
      } as never,
      status: 'published',
    });
    expect(english).toMatchObject({ locale: 'en', slug: 'komunikat-z-tlumaczeniem', severity: 'important' });
    const list = await rest<{ data: { locale: string; institution: string }[] }>(
      cms.url,
      '/api/notices?locale=en&filters[slug][$eq]=komunikat-z-tlumaczeniem',
    );
    expect(list.body.data).toEqual([expect.objectContaining({ locale: 'en', institution: 'mops-testowo' })]);
  });

  it('still refuses an invalid translation, naming the field', async () => {
    const notice = await cms.strapi.documents('api::notice.notice').create({
      data: noticeData(institution, { slug: 'komunikat-z-blednym-tlumaczeniem' }) as never,
    });
    await expect(
      cms.strapi.documents('api::notice.notice').update({
        documentId: notice.documentId,
        locale: 'uk',
        data: { title: 'Коротко', summary: 'Філія закрита.' } as never,
      }),
    ).rejects.toMatchObject({ details: { errors: [expect.objectContaining({ path: ['title'] })] } });
  });
});

describe('the summary message speaks correct Polish', () => {
  it.each([
    [2, '2 pola oznaczone'],
    [4, '4 pola oznaczone'],
    [5, '5 pól oznaczonych'],
    [12, '12 pól oznaczonych'],
    [22, '22 pola oznaczone'],
  ])('%i → %s', async (count, text) => {
    const { fieldsMarked } = await import('../src/validation/field-errors.ts');
    expect(fieldsMarked(count)).toBe(text);
  });
});
