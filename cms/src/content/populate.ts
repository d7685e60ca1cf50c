import type { Modules, UID } from '@strapi/strapi';

type Populate<T extends UID.Schema> = Modules.Documents.Params.Populate.ObjectNotation<T>;

/**
 * The populate trees each public route needs, named once. Never `populate=*`: that would follow
 * createdBy/updatedBy to admin users. Requests cannot change these (see public-query middleware).
 */
const CHANNEL = true;

export const NOTICE_POPULATE: Populate<'api::notice.notice'> = {
  institution: { fields: ['slug', 'name'] },
  supersedes: { fields: ['slug'] },
  suspensions: CHANNEL,
  channels: CHANNEL,
  procedures: { populate: { items: true } },
  advisories: true,
  links: true,
  attachments: { populate: { file: { fields: ['url', 'mime', 'size', 'name'] } } },
  updates: true,
  source: true,
  area: true,
  signLanguageVideo: { populate: { file: { fields: ['url', 'mime'] } } },
};

export const INSTITUTION_POPULATE: Populate<'api::institution.institution'> = {
  address: true,
  channels: true,
  logo: { fields: ['url'] },
  area: true,
  accessibilityContact: { populate: { channels: true } },
};

export const SITE_SETTINGS_POPULATE: Populate<'api::site-setting.site-setting'> = {
  accessibilityStatement: {
    populate: { nonAccessibleContent: true, exemptions: true, contactEmail: true, contactPhone: true },
  },
  footerChannels: true,
  widget: true,
};
