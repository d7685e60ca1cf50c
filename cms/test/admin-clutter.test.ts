import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin } from './helpers/admin.ts';
import { bootStrapi, type RunningStrapi } from './helpers/boot-strapi.mts';
import { rest } from './helpers/rest.mts';

const EDITOR = { email: 'redakcja@example.org', password: 'Haslo-Redakcji-2026!' };
let cms: RunningStrapi;
let token: string;

beforeAll(async () => {
  cms = await bootStrapi({ env: { ADMIN_EMAIL: EDITOR.email, ADMIN_PASSWORD: EDITOR.password } });
  token = await adminLogin(cms.url, EDITOR);
});
afterAll(async () => {
  await cms?.stop();
});

describe('what the content manager offers an editor', () => {
  it('the kinds of content editors write (and the newsrooms’ webhooks with their log), not the end-user "User" type', async () => {
    const types = await rest<{ data: { uid: string; isDisplayed: boolean }[] }>(
      cms.url,
      '/content-manager/content-types',
      { token },
    );
    expect(types.status, types.text).toBe(200);
    const shown = types.body.data.filter((type) => type.isDisplayed).map((type) => type.uid);
    expect(shown.sort()).toEqual([
      'api::institution.institution',
      'api::newsroom-webhook.newsroom-webhook',
      'api::notice.notice',
      'api::site-setting.site-setting',
      'api::webhook-delivery.webhook-delivery',
    ]);
  });
});

describe('Strapi AI', () => {
  it('stays off with a licence that includes it: no draft goes to Strapi’s AI servers unless the operator sets STRAPI_AI', async () => {
    // No licence can be bought here: the licence's answer is stood in for, on this instance only.
    const strapi = cms.strapi as unknown as { ee: { features: { isEnabled(name: string): boolean } } };
    const licence = strapi.ee;
    Object.defineProperty(cms.strapi, 'ee', {
      configurable: true,
      value: { ...licence, isEE: true, features: { ...licence.features, isEnabled: () => true } },
    });
    const featureConfig = () => rest(cms.url, '/admin/ai-feature-config', { token });
    try {
      expect((await featureConfig()).status).toBe(404);
      // The same licence with the operator's consent: the AI answers, so the 404 above was the setting's.
      cms.strapi.config.set('admin.ai.enabled', true);
      expect((await featureConfig()).status).toBe(200);
    } finally {
      cms.strapi.config.set('admin.ai.enabled', false);
      Reflect.deleteProperty(cms.strapi, 'ee');
    }
  });
});
