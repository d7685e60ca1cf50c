import type { Core } from '@strapi/strapi';
import { bootStrapi, createApiToken } from './boot-strapi.mts';

/** Creates an institution for tests to attach notices to; returns its documentId. */
export async function createInstitution(strapi: Core.Strapi, slug = 'mops-testowo') {
  const institution = await strapi.documents('api::institution.institution').create({
    data: { slug, name: `Miejski Ośrodek Pomocy Społecznej (${slug})`, type: 'social-welfare' } as never,
  });
  return institution.documentId;
}

/** The data of a valid notice as a REST client or the admin panel sends it. */
export function noticeData(institution: string, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Zamknięcie filii biblioteki do odwołania',
    slug: `zamkniecie-filii-${Math.random().toString(36).slice(2, 8)}`,
    summary: 'Filia nr 3 jest zamknięta. Książki można oddawać w bibliotece głównej.',
    institution,
    category: 'closure',
    severity: 'important',
    effectiveFrom: '2026-03-16T00:00:00+01:00',
    effectiveUntil: '2026-03-25T23:00:00Z',
    channels: [{ kind: 'phone', label: 'Wypożyczalnia', value: '34 370 82 00 wew. 12' }],
    procedures: [{ text: 'Zwracaj książki w bibliotece głównej.', items: [{ text: 'pon.–pt. 9–19' }] }],
    ...overrides,
  };
}

/** A fresh CMS, a full-access API token (a script writing over REST) and one institution. */
export async function bootWithWriter() {
  const cms = await bootStrapi();
  const writer = await createApiToken(cms.strapi, 'full-access');
  const institution = await createInstitution(cms.strapi);
  return { cms, writer, institution };
}
