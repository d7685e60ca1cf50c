import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, type RunningStrapi } from './helpers/boot-strapi.mts';
import { bootWithWriter, noticeData } from './helpers/notices.ts';
import { allKeys, rest } from './helpers/rest.mts';

type List = { data: Record<string, unknown>[]; meta: { pagination: { pageSize: number; total: number } } };

let cms: RunningStrapi;
let writer: string;
let institution: string;

beforeAll(async () => {
  ({ cms, writer, institution } = await bootWithWriter());
});
afterAll(async () => {
  await cms?.stop();
});

const publicSlugs = async (query = '') =>
  (await rest<List>(cms.url, `/api/notices${query}`)).body.data?.map((notice) => `${notice.slug}/${notice.locale}`) ??
  [];

describe('the notice lifecycle over REST (an API token writes, the public reads)', () => {
  it('create → draft only; publish → public; update → public after republish; unpublish → gone; delete → gone', async () => {
    const data = noticeData(institution, { slug: 'cykl-zycia-komunikatu' });
    // Strapi's REST create publishes unless asked for a draft.
    const created = await rest<{ data: { documentId: string } }>(cms.url, '/api/notices?status=draft', {
      method: 'POST',
      token: writer,
      body: { data },
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.data.documentId;
    expect(await publicSlugs()).not.toContain('cykl-zycia-komunikatu/pl');

    await cms.strapi.documents('api::notice.notice').publish({ documentId: id, locale: 'pl' });
    expect(await publicSlugs()).toContain('cykl-zycia-komunikatu/pl');
    const one = await rest<{ data: Record<string, unknown> }>(cms.url, `/api/notices/${id}`);
    expect(one.body.data).toMatchObject({ slug: 'cykl-zycia-komunikatu', institution: 'mops-testowo', revision: 1 });

    // A draft edit is not public until it is published.
    const edited = await rest(cms.url, `/api/notices/${id}?status=draft`, {
      method: 'PUT',
      token: writer,
      body: { data: { title: 'Zamknięcie filii biblioteki przedłużone' } },
    });
    expect(edited.status, edited.text).toBe(200);
    expect((await rest<{ data: { title: string } }>(cms.url, `/api/notices/${id}`)).body.data.title).toBe(
      'Zamknięcie filii biblioteki do odwołania',
    );
    await cms.strapi.documents('api::notice.notice').publish({ documentId: id, locale: 'pl' });
    const republished = (await rest<{ data: { title: string; revision: number } }>(cms.url, `/api/notices/${id}`)).body
      .data;
    expect(republished).toMatchObject({ title: 'Zamknięcie filii biblioteki przedłużone', revision: 2 });

    await cms.strapi.documents('api::notice.notice').unpublish({ documentId: id, locale: 'pl' });
    expect(await publicSlugs()).not.toContain('cykl-zycia-komunikatu/pl');
    expect((await rest(cms.url, `/api/notices/${id}`)).status).toBe(404);

    const deleted = await rest(cms.url, `/api/notices/${id}`, { method: 'DELETE', token: writer });
    expect(deleted.status).toBe(204);
    expect(await cms.strapi.documents('api::notice.notice').findOne({ documentId: id, status: 'draft' })).toBeNull();
  });
});

describe('drafts never reach the public', () => {
  let draftId: string;
  beforeAll(async () => {
    const draft = await cms.strapi.documents('api::notice.notice').create({
      data: noticeData(institution, { slug: 'tajny-szkic', title: 'Szkic, którego nikt nie może zobaczyć' }) as never,
    });
    draftId = draft.documentId;
    // A published notice whose newer draft must stay hidden too.
    const published = await cms.strapi.documents('api::notice.notice').create({
      data: noticeData(institution, {
        slug: 'opublikowany-ze-szkicem',
        title: 'Wersja opublikowana komunikatu',
      }) as never,
      status: 'published',
    });
    await cms.strapi.documents('api::notice.notice').update({
      documentId: published.documentId,
      data: { title: 'Poprawka w szkicu, jeszcze nieopublikowana' } as never,
    });
  });

  it.each([
    '',
    '?status=draft',
    '?publicationState=preview',
    '?status=draft&publicationState=preview',
    '?locale=*',
    '?locale=all',
    '?filters[publishedAt][$null]=true',
    '?filters[slug][$eq]=tajny-szkic',
    '?filters[$or][0][slug][$eq]=tajny-szkic&status=draft',
    '?populate=*',
    '?populate[createdBy]=*&status=draft',
    '?fields[0]=title&status=draft',
    '?sort=publishedAt:asc&status=draft',
    '?pagination[pageSize]=100&status=draft&locale=pl',
  ])('not in GET /api/notices%s', async (query) => {
    const response = await rest<List>(cms.url, `/api/notices${query}`);
    expect(response.text).not.toMatch(/tajny-szkic|Szkic, którego|Poprawka w szkicu/);
  });

  it.each(['', '?status=draft', '?publicationState=preview', '?locale=pl&status=draft'])(
    'not in GET /api/notices/:draftId%s',
    async (query) => {
      const response = await rest(cms.url, `/api/notices/${draftId}${query}`);
      expect(response.status).toBe(404);
      expect(response.text).not.toMatch(/Szkic/);
    },
  );

  it('not even with a read-only token and status=draft', async () => {
    const token = await createApiToken(cms.strapi, 'read-only');
    const response = await rest(cms.url, '/api/notices?status=draft', { token });
    expect(response.status).toBe(200);
    expect(response.text).not.toMatch(/tajny-szkic|Poprawka w szkicu/);
  });
});

describe('the public API is read-only and says nothing about admins', () => {
  it.each([
    ['POST', '/api/notices', { data: { title: 'Włamanie' } }],
    ['PUT', '/api/notices/abc', { data: { title: 'Włamanie' } }],
    ['DELETE', '/api/notices/abc', undefined],
    ['POST', '/api/institutions', { data: { name: 'Włamanie' } }],
    ['PUT', '/api/site-setting', { data: { siteName: 'Włamanie' } }],
    ['DELETE', '/api/site-setting', undefined],
  ] as const)('%s %s is refused without a token', async (method, path, body) => {
    const response = await rest(cms.url, path, { method, body });
    expect([401, 403]).toContain(response.status);
  });

  it('may be read from a page of any origin, never with the reader’s cookies', async () => {
    for (const path of ['/api/notices?locale=pl', '/admin/access-token']) {
      const preflight = await fetch(`${cms.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://radio.example.net',
          'access-control-request-method': path.startsWith('/api') ? 'GET' : 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin'), path).toBe('https://radio.example.net');
      // Without it a browser keeps the answer to a request sent with cookies from the page.
      expect(preflight.headers.get('access-control-allow-credentials'), path).toBeNull();
    }
    const read = await fetch(`${cms.url}/api/notices?locale=pl`, { headers: { origin: 'https://radio.example.net' } });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe('https://radio.example.net');
    expect(read.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses sign-up of public accounts', async () => {
    const response = await rest(cms.url, '/api/auth/local/register', {
      method: 'POST',
      body: { username: 'mieszkaniec', email: 'mieszkaniec@example.org', password: 'Haslo-1234567' },
    });
    expect([401, 403, 404]).toContain(response.status);
  });

  it('refuses writes with a read-only token', async () => {
    const token = await createApiToken(cms.strapi, 'read-only');
    const response = await rest(cms.url, '/api/notices', {
      method: 'POST',
      token,
      body: { data: noticeData(institution) },
    });
    expect([401, 403]).toContain(response.status);
  });

  it.each([
    '/api/notices?populate[createdBy]=*',
    '/api/notices?populate[updatedBy][populate]=*',
    '/api/notices?populate=*',
    '/api/notices?fields[0]=createdBy',
    '/api/notices?filters[createdBy][email][$startsWith]=a',
    '/api/notices?sort=createdBy',
    '/api/institutions?populate=*',
    '/api/institutions?populate[notices][populate]=*',
    '/api/site-setting?populate=*',
  ])('%s has no admin users, passwords or createdBy/updatedBy', async (path) => {
    const response = await rest(cms.url, path);
    expect(response.status).toBeLessThan(500);
    const keys = allKeys(response.body);
    for (const forbidden of [
      'createdBy',
      'updatedBy',
      'password',
      'firstname',
      'lastname',
      'username',
      'roles',
      'resetPasswordToken',
    ]) {
      expect(keys, `${path} leaks ${forbidden}`).not.toContain(forbidden);
    }
  });

  it('caps the page size at 100', async () => {
    const response = await rest<List>(cms.url, '/api/notices?pagination[pageSize]=1000');
    expect(response.body.meta.pagination.pageSize).toBe(100);
  });

  it('refuses unknown query parameters (strictParams)', async () => {
    const response = await rest(cms.url, '/api/notices?unknownParameter=1');
    expect(response.status).toBe(400);
  });
});
