import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin } from './helpers/admin.ts';
import { bootStrapi, type RunningStrapi } from './helpers/boot-strapi.mts';
import { createInstitution, noticeData } from './helpers/notices.ts';
import { rest } from './helpers/rest.mts';

/**
 * Files an editor (or an Author) uploads are served from the CMS's own origin, where the admin
 * panel lives: nothing uploaded may ever run script there.
 */
const EDITOR = { email: 'pliki@example.org', password: 'Haslo-Plikow-2026!' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const HTML = Buffer.from('<!doctype html><script>alert(document.domain)</script>');
/** An MP4's first box ('ftyp', brand isom): what a type check reads to know a video. */
const MP4 = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');

let cms: RunningStrapi;
let adminToken: string;
const planted: string[] = [];

beforeAll(async () => {
  cms = await bootStrapi({ env: { ADMIN_EMAIL: EDITOR.email, ADMIN_PASSWORD: EDITOR.password } });
  adminToken = await adminLogin(cms.url, EDITOR);
});
afterAll(async () => {
  for (const file of planted) rmSync(file, { force: true });
  const uploaded = await cms?.strapi.db.query('plugin::upload.file').findMany({});
  for (const file of uploaded ?? []) await cms.strapi.plugin('upload').service('upload').remove(file);
  await cms?.stop();
});

/** Uploads through the admin panel's media library endpoint, as the editor's browser does. */
async function upload(name: string, bytes: Buffer, type: string) {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(bytes)], { type }), name);
  const response = await fetch(`${cms.url}/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}` },
    body: form,
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as { url?: string }[] };
}

describe('uploads: only the types a notice needs', () => {
  it.each([
    ['strona.html', HTML, 'text/html'],
    ['skrypt.js', Buffer.from('alert(1)'), 'text/javascript'],
    ['rysunek.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'image/svg+xml'],
    ['strona.xhtml', HTML, 'application/xhtml+xml'],
  ])('%s is refused', async (name, bytes, type) => {
    const response = await upload(name, bytes, type);
    expect(response.status, JSON.stringify(response.body)).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it.each([
    ['wniosek.pdf', PDF, 'application/pdf'],
    ['plakat.png', PNG, 'image/png'],
  ])('%s is accepted', async (name, bytes, type) => {
    const response = await upload(name, bytes, type);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body[0]?.url).toMatch(/^\/uploads\//);
  });
});

describe('a notice in Polish Sign Language', () => {
  it('an MP4 video is accepted and served to play in the site’s pages (inline, from another site), still unable to run anything', async () => {
    const response = await upload('komunikat-pjm.mp4', MP4, 'video/mp4');
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const served = await fetch(`${cms.url}${response.body[0]?.url}`);
    expect(served.headers.get('content-type')).toBe('video/mp4');
    expect(served.headers.get('content-disposition')).toBeNull();
    expect(served.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(served.headers.get('content-security-policy')).toMatch(/sandbox/);

    // Chosen for a notice, the public API gives the site its address and type; ETR text beside it.
    const institution = await createInstitution(cms.strapi, 'mops-pjm');
    const notices = cms.strapi.documents('api::notice.notice');
    const fileId = (response.body[0] as { id?: number } | undefined)?.id;
    const created = await notices.create({
      locale: 'pl',
      data: noticeData(institution, {
        signLanguageVideo: { file: fileId },
        easyRead: 'Filia jest zamknięta.\nKsiążki oddaj w bibliotece głównej.',
      }) as never,
    });
    await notices.publish({ documentId: created.documentId, locale: 'pl' });
    const api = await rest<{ data: Record<string, unknown> }>(cms.url, `/api/notices/${created.documentId}`);
    expect(api.body.data.signLanguageVideo).toEqual({
      kind: 'file',
      // Absolute, from the CMS's public URL (configured; the test server's port is chosen later).
      url: expect.stringMatching(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${response.body[0]?.url}$`)),
      mime: 'video/mp4',
    });
    expect(api.body.data.easyRead).toBe('Filia jest zamknięta.\nKsiążki oddaj w bibliotece głównej.');
    // A link instead: the link.
    await notices.update({
      documentId: created.documentId,
      locale: 'pl',
      data: { signLanguageVideo: { link: 'https://wideo.example.org/pjm/1' } } as never,
    });
    await notices.publish({ documentId: created.documentId, locale: 'pl' });
    const linked = await rest<{ data: Record<string, unknown> }>(cms.url, `/api/notices/${created.documentId}`);
    expect(linked.body.data.signLanguageVideo).toEqual({ kind: 'link', url: 'https://wideo.example.org/pjm/1' });
  });
});

describe('everything under /uploads is served so that it cannot run', () => {
  it('an HTML file named .pdf passes the type check (text has no signature to detect) but is served as a PDF download that cannot run', async () => {
    const response = await upload('udaje-pdf.pdf', HTML, 'application/pdf');
    expect(response.status).toBe(201);
    const served = await fetch(`${cms.url}${response.body[0]?.url}`);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(served.headers.get('content-disposition')).toBe('attachment');
  });

  /** A file that is already there (uploaded before these rules, or put there by hand). */
  function plant(name: string, bytes: Buffer) {
    const file = path.join(cms.strapi.dirs.static.public, 'uploads', name);
    writeFileSync(file, bytes);
    planted.push(file);
    return `/uploads/${name}`;
  }

  it.each([
    ['html', HTML],
    ['js', Buffer.from('alert(1)')],
    ['svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['pdf', PDF],
  ])('a .%s file: nosniff, a sandboxing CSP, and a download instead of a page', async (extension, bytes) => {
    const url = plant(`stary-plik-${randomBytes(4).toString('hex')}.${extension}`, bytes);
    const response = await fetch(`${cms.url}${url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
    expect(response.headers.get('content-disposition')).toBe('attachment');
  });

  it('a raster image still shows inline (the media library previews it), under the same CSP', async () => {
    const url = plant(`obraz-${randomBytes(4).toString('hex')}.png`, PNG);
    const response = await fetch(`${cms.url}${url}`);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(response.headers.get('content-security-policy')).toMatch(/sandbox/);
  });
});
