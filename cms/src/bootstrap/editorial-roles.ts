import type { Core, UID } from '@strapi/strapi';
import { LOCALES } from '@tablica/shared';

/**
 * The two editorial roles of the admin panel (docs/editors.md, "Roles"):
 * - Editor (strapi-editor) writes, publishes, unpublishes and deletes notices in every language,
 *   manages institutions, the site settings and newsrooms' webhooks (and reads their delivery log);
 * - Author (strapi-author) writes drafts of their own notices only: no publishing, no deleting,
 *   institutions read-only (to pick one), no site settings.
 * Strapi's defaults differ (its Editor cannot publish notices), so both are set at every start.
 */
type Permission = { action: string; subject: string | null; properties: Record<string, unknown>; conditions: string[] };

const NOTICE: UID.ContentType = 'api::notice.notice';
const INSTITUTION: UID.ContentType = 'api::institution.institution';
const SETTINGS: UID.ContentType = 'api::site-setting.site-setting';
const WEBHOOK: UID.ContentType = 'api::newsroom-webhook.newsroom-webhook';
const DELIVERY: UID.ContentType = 'api::webhook-delivery.webhook-delivery';
const OURS = new Set<string>([NOTICE, INSTITUTION, SETTINGS, WEBHOOK, DELIVERY]);
const explorer = (action: string) => `plugin::content-manager.explorer.${action}`;
const OWN = ['admin::is-creator'];

interface Grant {
  action: string;
  subject: UID.ContentType;
  conditions?: string[];
}

const EDITOR: Grant[] = [
  ...['create', 'read', 'update', 'delete', 'publish'].map((action) => ({ action, subject: NOTICE })),
  ...['create', 'read', 'update', 'delete'].map((action) => ({ action, subject: INSTITUTION })),
  ...['create', 'read', 'update'].map((action) => ({ action, subject: SETTINGS })),
  // Newsrooms' webhooks are registered by editors; the delivery log is theirs to read, not to change.
  ...['create', 'read', 'update', 'delete'].map((action) => ({ action, subject: WEBHOOK })),
  { action: 'read', subject: DELIVERY },
];

const AUTHOR: Grant[] = [
  ...['create', 'read', 'update'].map((action) => ({ action, subject: NOTICE, conditions: OWN })),
  { action: 'read', subject: INSTITUTION },
];

/** Field lists of the content manager's own default permissions, so nested fields stay right. */
function fieldsFor(strapi: Core.Strapi, subject: UID.ContentType): string[] {
  const model = strapi.contentType(subject) as {
    attributes: Record<string, { type: string; component?: string }>;
  };
  const paths = (attributes: Record<string, { type: string; component?: string }>, prefix: string): string[] =>
    Object.entries(attributes).flatMap(([name, attribute]) => {
      if (['createdBy', 'updatedBy', 'createdAt', 'updatedAt', 'publishedAt', 'locale', 'localizations'].includes(name))
        return [];
      if (attribute.type === 'component' && attribute.component) {
        const component = strapi.components[attribute.component as keyof typeof strapi.components] as unknown as {
          attributes: Record<string, { type: string; component?: string }>;
        };
        return paths(component.attributes, `${prefix}${name}.`);
      }
      return [`${prefix}${name}`];
    });
  return paths(model.attributes, '');
}

function permissionOf(strapi: Core.Strapi, grant: Grant): Permission {
  const localized = grant.subject === NOTICE;
  const withFields = ['create', 'read', 'update'].includes(grant.action);
  return {
    action: explorer(grant.action),
    subject: grant.subject,
    properties: {
      ...(withFields ? { fields: fieldsFor(strapi, grant.subject) } : {}),
      ...(localized ? { locales: LOCALES } : {}),
    },
    conditions: grant.conditions ?? [],
  };
}

async function setRole(strapi: Core.Strapi, code: string, grants: Grant[]) {
  const role = await strapi.db.query('admin::role').findOne({ where: { code } });
  if (!role) return;
  const current = (await strapi
    .service('admin::permission')
    .findMany({ where: { role: { id: role.id } } })) as Permission[];
  // Everything else the role has (media library, plugins) stays as Strapi set it.
  const kept = current
    .filter((permission) => !(permission.subject && OURS.has(permission.subject)))
    .map(({ action, subject, properties, conditions }) => ({ action, subject, properties, conditions }));
  await strapi
    .service('admin::role')
    .assignPermissions(role.id, [...kept, ...grants.map((grant) => permissionOf(strapi, grant))]);
}

export async function ensureEditorialRoles(strapi: Core.Strapi) {
  await setRole(strapi, 'strapi-editor', EDITOR);
  await setRole(strapi, 'strapi-author', AUTHOR);
}
