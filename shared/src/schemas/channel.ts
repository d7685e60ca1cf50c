import * as z from 'zod';
import { parseEpuapAddress } from '../domain/epuap.ts';
import { normalizePhone } from '../domain/phone.ts';
import { singleLine } from './text.ts';
import { isHttpUrl } from './url.ts';

export const CHANNEL_KINDS = ['phone', 'email', 'epuap', 'web', 'postal', 'in-person', 'sms', 'other'] as const;
export const ChannelKindSchema = z.enum(CHANNEL_KINDS);
export type ChannelKind = z.output<typeof ChannelKindSchema>;

// Deliberately simple: one @, no spaces, a dotted domain. Mail servers are the real judge.
const EMAIL =
  /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$/;

/** The rule that refused a value, as a message key (see i18n/messages.ts). */
type ValueCheck = { ok: true; value: string; extension?: string } | { ok: false; rule: string };

function checkValue(kind: ChannelKind, value: string, extension: string | undefined): ValueCheck {
  switch (kind) {
    case 'phone':
    case 'sms': {
      const phone = normalizePhone(value, kind === 'phone' ? extension : undefined);
      if (!phone || (kind === 'sms' && phone.extension)) return { ok: false, rule: `channel-${kind}` };
      return phone.extension
        ? { ok: true, value: phone.e164, extension: phone.extension }
        : { ok: true, value: phone.e164 };
    }
    case 'email':
      return EMAIL.test(value) && value.length <= 254
        ? { ok: true, value: value.toLowerCase() }
        : { ok: false, rule: 'channel-email' };
    case 'epuap':
      return parseEpuapAddress(value) ? { ok: true, value } : { ok: false, rule: 'channel-epuap' };
    case 'web':
      return isHttpUrl(value) ? { ok: true, value } : { ok: false, rule: 'http-url' };
    default:
      return { ok: true, value };
  }
}

/** A way to reach the institution: the value is validated and normalised per kind. */
export const ChannelSchema = z
  .object({
    kind: ChannelKindSchema,
    label: singleLine({ max: 80 }),
    value: singleLine({ max: 254 }),
    extension: z
      .string()
      .refine((value) => /^\d{1,6}$/.test(value), { params: { rule: 'extension' } })
      .optional(),
    hours: singleLine({ max: 160 }).optional(),
    note: singleLine({ max: 200 }).optional(),
    preferred: z.boolean().default(false),
  })
  .transform((channel, ctx) => {
    const checked = checkValue(channel.kind, channel.value, channel.extension);
    if (!checked.ok) {
      ctx.issues.push({
        code: 'custom',
        path: ['value'],
        input: channel.value,
        params: { rule: checked.rule },
      });
      return z.NEVER;
    }
    const { extension: _typed, ...rest } = channel;
    return { ...rest, value: checked.value, ...(checked.extension ? { extension: checked.extension } : {}) };
  });

export type Channel = z.output<typeof ChannelSchema>;
export type ChannelInput = z.input<typeof ChannelSchema>;
