import * as z from 'zod';

/**
 * Text primitives shared by every schema. All user-visible text goes through one of these so
 * that no field can carry control characters (they break XML feeds and terminals) or bidi
 * overrides (they make a text display differently from what it says — "Trojan Source").
 */

// C0 and C1 controls except tab, line feed and carriage return, which multi-line fields allow.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAKS_AND_TABS = /[\t\n\r]/;
// Embeddings, overrides and isolates. Plain LRM/RLM marks are harmless and stay allowed.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

function safeText(schema: z.ZodString, multiLine: boolean) {
  return schema
    .refine((value) => value.isWellFormed(), { params: { rule: 'malformed-text' }, abort: true })
    .refine((value) => !CONTROL_CHARACTERS.test(value), { params: { rule: 'control-characters' } })
    .refine((value) => multiLine || !LINE_BREAKS_AND_TABS.test(value), { params: { rule: 'single-line' } })
    .refine((value) => !BIDI_CONTROLS.test(value), { params: { rule: 'bidi-controls' } });
}

interface Length {
  min?: number;
  max: number;
}

/** One line of text, trimmed. `min` defaults to 1: an empty required field is refused. */
export function singleLine({ min = 1, max }: Length) {
  return safeText(z.string().trim().min(min).max(max), false);
}

/** Plain text that may span lines, trimmed. */
export function multiLine({ min = 1, max }: Length) {
  return safeText(z.string().trim().min(min).max(max), true);
}

/** `a-z0-9-` words joined by single hyphens: feeds and embeds link to it, so it is strict. */
export const SlugSchema = z
  .string()
  .min(3)
  .max(120)
  .refine((value) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value), { params: { rule: 'slug' } });

/** A run of rich text inside Blocks: may be empty and keeps its spaces, but is just as safe. */
export const TextRunSchema = safeText(z.string().max(20_000), true);
