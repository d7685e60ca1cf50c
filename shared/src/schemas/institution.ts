import * as z from 'zod';
import { AreaSchema } from './area.ts';
import { ChannelSchema } from './channel.ts';
import { multiLine, SlugSchema, singleLine } from './text.ts';
import { HttpUrlSchema } from './url.ts';

export const INSTITUTION_TYPES = [
  'social-welfare',
  'city-hall',
  'healthcare',
  'education',
  'culture',
  'sport',
  'utility',
  'transport',
  'emergency',
  'other',
] as const;

export const AddressSchema = z.object({
  street: singleLine({ max: 120 }),
  postalCode: z.string().refine((value) => /^\d{2}-\d{3}$/.test(value), { params: { rule: 'postal-code' } }),
  city: singleLine({ max: 80 }),
});

/** Who to contact about the accessibility of the institution's buildings and services. */
export const AccessibilityContactSchema = z.object({
  name: singleLine({ max: 120 }),
  channels: z.array(ChannelSchema).min(1).max(5),
});

export const InstitutionSchema = z.object({
  slug: SlugSchema,
  name: singleLine({ min: 3, max: 200 }),
  shortName: singleLine({ max: 40 }).optional(),
  type: z.enum(INSTITUTION_TYPES),
  description: multiLine({ max: 1000 }).optional(),
  address: AddressSchema.optional(),
  website: HttpUrlSchema.optional(),
  channels: z.array(ChannelSchema).max(30).default([]),
  logo: HttpUrlSchema.optional(),
  area: AreaSchema.optional(),
  accessibilityContact: AccessibilityContactSchema.optional(),
});

export type Institution = z.output<typeof InstitutionSchema>;
export type InstitutionInput = z.input<typeof InstitutionSchema>;
