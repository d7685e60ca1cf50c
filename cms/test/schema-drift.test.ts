import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AccessibilityStatementSchema,
  AddressSchema,
  AdvisorySchema,
  AreaSchema,
  AttachmentSchema,
  ChannelSchema,
  hasFieldLabel,
  InstitutionSchema,
  LinkSchema,
  NoticeUpdateSchema,
  ProcedureStepSchema,
  PublishedNoticeSchema,
  SiteSettingsSchema,
  SourceSchema,
  SuspensionSchema,
  WidgetDefaultsSchema,
} from '@tablica/shared';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { CHOICE_LABELS } from '../src/admin/choice-labels';
import {
  COMPONENT_LABELS,
  COMPUTED_FIELDS,
  INSTITUTION_LABELS,
  NOTICE_EDIT,
  NOTICE_LABELS,
  SITE_SETTINGS_LABELS,
} from '../src/bootstrap/editor-layout';

/**
 * The shared Zod schemas and Strapi's content types describe the same model twice; this test
 * keeps them from drifting apart: every field on both sides, compatible types, identical enums,
 * the same required fields and the same length limits.
 */
type Attribute = Record<string, unknown> & { type: string };
const SRC = path.resolve(import.meta.dirname, '../src');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(SRC, file), 'utf8'));
const contentType = (api: string) =>
  readJson(`api/${api}/content-types/${api}/schema.json`).attributes as Record<string, Attribute>;
const component = (uid: string) => {
  const [category, name] = uid.split('.');
  return readJson(`components/${category}/${name}.json`).attributes as Record<string, Attribute>;
};

interface ZodField {
  type: string;
  optional: boolean;
  inner: z.ZodType;
}

/** Peels optional/default/pipe wrappers off a field, remembering whether it may be left out. */
function unwrap(schema: z.ZodType): ZodField {
  let current = schema;
  let optional = false;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if (def.type === 'optional' || def.type === 'default') {
      optional = true;
      current = def.innerType as z.ZodType;
    } else if (def.type === 'pipe') current = def.in as z.ZodType;
    else return { type: def.type, optional, inner: current };
  }
}

const shapeOf = (schema: z.ZodType) =>
  (unwrap(schema).inner._zod.def as unknown as { shape: Record<string, z.ZodType> }).shape;
/** The `.max()` of a string schema, read from its checks (refinements keep them). */
function maximumOf(schema: z.ZodType): number | undefined {
  const checks = (
    (schema._zod.def as { checks?: { _zod: { def: { check: string; maximum?: number } } }[] }).checks ?? []
  ).map((check) => check._zod.def);
  return checks.find((check) => check.check === 'max_length')?.maximum;
}

/** Fields represented differently on purpose, each for a reason a reader can check. */
const REPRESENTED_DIFFERENTLY: Record<string, string> = {
  'notice.locale': 'Strapi i18n system field',
  'notice.effectiveFromDate': 'the day editors enter for effectiveFrom (the CMS keeps the instant in step)',
  'notice.effectiveFromTime': 'the optional time editors enter for effectiveFrom',
  'notice.effectiveUntilDate': 'the last day (inclusive) editors enter for effectiveUntil',
  'notice.effectiveUntilTime': 'the optional time editors enter for effectiveUntil',
  'notice.changeNote': 'steers a publication: becomes an entry of updates[] (publishing/versions.ts)',
  'notice.significantChange': 'steers a publication: whether the revision rises (publishing/versions.ts)',
  'notice.scheduledPublishAt': 'steers a publication: when the scheduler publishes the draft (publishing/scheduler.ts)',
  'notice.scheduledLiftAt': 'steers a publication: when the scheduler lifts the notice (publishing/scheduler.ts)',
  'notice.phase': 'the editors\' list column "Stan", computed (publishing/phase.ts)',
  'notice.publications': 'JSON kept by the CMS (publishing/publication-history.ts), a checked list in the shared model',
  'notice.createdAt': 'Strapi system field',
  'notice.updatedAt': 'Strapi system field',
  'notice.publishedAt': 'Strapi draft & publish system field',
  'notice.institution': 'relation in Strapi, the institution slug in the shared model',
  'notice.supersedes': 'relation in Strapi, the notice slug in the shared model',
  'institution.notices': 'inverse relation, Strapi only',
  'institution.logo': 'media in Strapi, an absolute URL in the shared model',
  'procedure-step.items': 'repeatable sub-item component {text} in Strapi, strings in the shared model',
  'area.teryt': 'comma-separated text in Strapi (easy to type), a list of codes in the shared model',
  'attachment.url': 'the media file in Strapi',
  'attachment.mime': 'the media file in Strapi',
  'attachment.bytes': 'the media file in Strapi',
  'attachment.file': 'the media file in Strapi',
  'sign-language-video.kind': 'which of file or link the editor filled in (content/to-shared.ts)',
  'sign-language-video.url': 'the media file or the link in Strapi',
  'sign-language-video.mime': 'the media file in Strapi',
  'sign-language-video.file': 'an uploaded video in Strapi, its URL and type in the shared model',
  'sign-language-video.link': 'a link in Strapi, its URL in the shared model',
  'statement.nonAccessibleContent': 'repeatable item component {text} in Strapi, strings in the shared model',
  'statement.exemptions': 'repeatable item component {text} in Strapi, strings in the shared model',
};

const STRING_TYPES = new Set(['string', 'text', 'uid', 'date', 'datetime', 'email']);

function compareObject(name: string, zodShape: Record<string, z.ZodType>, attributes: Record<string, Attribute>) {
  const problems: string[] = [];
  const fields = new Set([...Object.keys(zodShape), ...Object.keys(attributes)]);
  for (const field of fields) {
    const key = `${name}.${field}`;
    if (REPRESENTED_DIFFERENTLY[key]) continue;
    const zodField = zodShape[field];
    const attribute = attributes[field];
    if (!zodField) {
      problems.push(`${key}: in Strapi, missing from the shared schema`);
      continue;
    }
    if (!attribute) {
      problems.push(`${key}: in the shared schema, missing from Strapi`);
      continue;
    }
    const { type, optional, inner } = unwrap(zodField);
    // A repeatable component is "required" in Strapi through `min: 1`.
    const required = attribute.required === true || Number(attribute.min ?? 0) >= 1;
    if (required === optional && !(optional && attribute.default !== undefined)) {
      problems.push(`${key}: required in ${required ? 'Strapi' : 'the shared schema'} only`);
    }
    switch (type) {
      case 'string': {
        if (!STRING_TYPES.has(attribute.type)) problems.push(`${key}: string vs Strapi ${attribute.type}`);
        // Dates and instants: the shared field must accept what Strapi's field stores.
        if (attribute.type === 'date' && !inner.safeParse('2020-03-25').success)
          problems.push(`${key}: Strapi date, shared refuses a date`);
        if (attribute.type === 'datetime' && !inner.safeParse('2020-03-16T00:00:00.000Z').success) {
          problems.push(`${key}: Strapi datetime, shared refuses an instant`);
        }
        const max = maximumOf(inner);
        if (max !== undefined && attribute.maxLength !== undefined && max !== attribute.maxLength) {
          problems.push(`${key}: max length ${max} in the shared schema, ${attribute.maxLength} in Strapi`);
        }
        break;
      }
      case 'enum': {
        const values = Object.values((inner._zod.def as unknown as { entries: Record<string, string> }).entries).sort();
        if (attribute.type !== 'enumeration') problems.push(`${key}: enum vs Strapi ${attribute.type}`);
        else if (JSON.stringify(values) !== JSON.stringify([...(attribute.enum as string[])].sort())) {
          problems.push(`${key}: enum values differ: ${values} vs ${attribute.enum}`);
        }
        break;
      }
      case 'boolean':
        if (attribute.type !== 'boolean') problems.push(`${key}: boolean vs Strapi ${attribute.type}`);
        break;
      case 'number':
        if (attribute.type !== 'integer') problems.push(`${key}: number vs Strapi ${attribute.type}`);
        break;
      case 'object':
        if (attribute.type !== 'component' || attribute.repeatable)
          problems.push(`${key}: object vs Strapi ${attribute.type}`);
        else
          problems.push(
            ...compareObject(componentName(attribute), shapeOf(inner), component(String(attribute.component))),
          );
        break;
      case 'array': {
        const element = unwrap((inner._zod.def as unknown as { element: z.ZodType }).element);
        if (element.type === 'union') {
          if (attribute.type !== 'blocks') problems.push(`${key}: rich text vs Strapi ${attribute.type}`);
        } else if (attribute.type !== 'component' || !attribute.repeatable) {
          problems.push(`${key}: list vs Strapi ${attribute.type}`);
        } else {
          problems.push(
            ...compareObject(componentName(attribute), shapeOf(element.inner), component(String(attribute.component))),
          );
        }
        break;
      }
      default:
        problems.push(`${key}: unexpected shared type ${type}`);
    }
  }
  return problems;
}

const componentName = (attribute: Attribute) => {
  const uid = String(attribute.component);
  return uid === 'site.accessibility-statement' ? 'statement' : (uid.split('.')[1] ?? uid);
};

describe('the shared schemas and the Strapi content types describe the same model', () => {
  it.each([
    { name: 'notice', shape: () => PublishedNoticeSchema.in.shape, attributes: () => contentType('notice') },
    { name: 'institution', shape: () => InstitutionSchema.shape, attributes: () => contentType('institution') },
    { name: 'site-setting', shape: () => SiteSettingsSchema.shape, attributes: () => contentType('site-setting') },
  ])('$name and every component it uses', ({ name, shape, attributes }) => {
    expect(compareObject(name, shape(), attributes())).toEqual([]);
  });

  it('covers every component schema', () => {
    // Each shared component schema is reached through the content types above; this keeps the list honest.
    const reached = [
      ChannelSchema,
      SuspensionSchema,
      ProcedureStepSchema,
      AdvisorySchema,
      LinkSchema,
      AttachmentSchema,
    ];
    const more = [
      NoticeUpdateSchema,
      SourceSchema,
      AreaSchema,
      AddressSchema,
      AccessibilityStatementSchema,
      WidgetDefaultsSchema,
    ];
    expect([...reached, ...more].every((schema) => schema !== undefined)).toBe(true);
  });

  it('notices a drifted field (the comparison can fail)', () => {
    const attributes = structuredClone(contentType('notice'));
    (attributes.severity as Attribute).enum = ['info', 'important', 'urgent', 'extreme'];
    delete attributes.headline;
    (attributes.title as Attribute).maxLength = 200;
    expect(compareObject('notice', PublishedNoticeSchema.in.shape, attributes)).toEqual([
      'notice.title: max length 160 in the shared schema, 200 in Strapi',
      'notice.headline: in the shared schema, missing from Strapi',
      'notice.severity: enum values differ: important,info,urgent vs info,important,urgent,extreme',
    ]);
  });
});

/** Every field name of a shared schema, its components' fields included (paths as errors give them). */
function fieldNames(shape: Record<string, z.ZodType>): string[] {
  return Object.entries(shape).flatMap(([field, schema]) => {
    const { type, inner } = unwrap(schema);
    if (type === 'object') return [field, ...fieldNames(shapeOf(inner))];
    if (type === 'array') {
      const element = unwrap((inner._zod.def as unknown as { element: z.ZodType }).element);
      return element.type === 'object' ? [field, ...fieldNames(shapeOf(element.inner))] : [field];
    }
    return [field];
  });
}

describe('one notice field list: a field of the model is labelled everywhere an editor meets it', () => {
  const attributes = contentType('notice');
  const SYSTEM = new Set(['createdAt', 'updatedAt', 'publishedAt']);

  it('every field of a notice and of its parts has a name for error messages (never a raw key)', () => {
    const unnamed = [...new Set(fieldNames(PublishedNoticeSchema.in.shape))].filter(
      (field) => !SYSTEM.has(field) && !hasFieldLabel(field),
    );
    expect(unnamed).toEqual([]);
  });

  it('every field of the notice type is in the admin edit layout once, with a Polish label', () => {
    const placed = NOTICE_EDIT.flat().map(([field]) => field);
    const editable = Object.keys(attributes).filter((field) => !COMPUTED_FIELDS[field]);
    expect([...placed].sort()).toEqual(editable.sort());
    expect(new Set(placed).size).toBe(placed.length);
    expect(Object.keys(attributes).filter((field) => !NOTICE_LABELS[field])).toEqual([]);
  });

  it('every field of every notice component has a Polish label in the admin', () => {
    const missing = Object.values(attributes)
      .filter((attribute) => attribute.type === 'component')
      .flatMap((attribute) => {
        const uid = String(attribute.component);
        return Object.keys(component(uid))
          .filter((field) => !COMPONENT_LABELS[uid]?.[field])
          .map((field) => `${uid}.${field}`);
      });
    expect(missing).toEqual([]);
  });

  it('notices a field left out of the layout (the check can fail)', () => {
    const placed = NOTICE_EDIT.flat()
      .map(([field]) => field)
      .filter((field) => field !== 'publishedBy');
    const missing = Object.keys(attributes).filter((field) => !placed.includes(field) && !COMPUTED_FIELDS[field]);
    expect(missing).toEqual(['publishedBy']);
  });
});

describe('every screen an editor sees speaks Polish: no raw field name, no raw choice', () => {
  const TYPES = { notice: NOTICE_LABELS, institution: INSTITUTION_LABELS, 'site-setting': SITE_SETTINGS_LABELS };
  /** Every component a content type uses, followed into components of components. */
  const componentsOf = (attributes: Record<string, Attribute>, found = new Set<string>()): Set<string> => {
    for (const attribute of Object.values(attributes)) {
      const uid = attribute.type === 'component' ? String(attribute.component) : undefined;
      if (uid && !found.has(uid)) {
        found.add(uid);
        componentsOf(component(uid), found);
      }
    }
    return found;
  };
  const everyComponent = [...new Set(Object.keys(TYPES).flatMap((api) => [...componentsOf(contentType(api))]))];

  it('the institution and site settings forms label every field', () => {
    const unlabelled = Object.entries(TYPES).flatMap(([api, labels]) =>
      Object.keys(contentType(api))
        .filter((field) => !labels[field])
        .map((field) => `${api}.${field}`),
    );
    expect(unlabelled).toEqual([]);
  });

  it('every component of every form labels every field', () => {
    const unlabelled = everyComponent.flatMap((uid) =>
      Object.keys(component(uid))
        .filter((field) => !COMPONENT_LABELS[uid]?.[field])
        .map((field) => `${uid}.${field}`),
    );
    expect(unlabelled).toEqual([]);
  });

  it('every choice of every list has a Polish label', () => {
    const attributes = [
      ...Object.keys(TYPES).flatMap((api) => Object.values(contentType(api))),
      ...everyComponent.flatMap((uid) => Object.values(component(uid))),
    ];
    const values = attributes.flatMap((attribute) =>
      attribute.type === 'enumeration' ? (attribute.enum as string[]) : [],
    );
    expect(values.length).toBeGreaterThan(40);
    expect(values.filter((value) => !CHOICE_LABELS[value])).toEqual([]);
  });
});
