import { createHash } from 'node:crypto';
import type { Locale, Notice } from '@tablica/shared';
import type { SiteContent } from './content.ts';
import { outputPaths } from './outputs/manifest.ts';
import { absoluteUrl, routes } from './routes.ts';

/**
 * Short addresses for SMS, where every character counts: /k/<code> leads to the notice's page in
 * one language. A code is the start of a hash of the language and slug, so it never changes
 * between builds; the rare collision is settled by creation — the older notice keeps the short
 * code, the newer one gets a longer one — so publishing a notice never changes another's code.
 * (Deleting the older of a colliding pair would let the newer one's code shrink; with six
 * characters of base 36, a site of 10,000 notices has even one collision with a chance of about
 * one in twenty.)
 */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const SHORTEST = 6;

function code(key: string, length: number): string {
  let value = BigInt(`0x${createHash('sha256').update(key).digest('hex')}`);
  let text = '';
  for (let index = 0; index < length; index += 1) {
    text += ALPHABET[Number(value % 36n)];
    value /= 36n;
  }
  return text;
}

const keyOf = (slug: string, locale: Locale) => `${locale}:${slug}`;
const made = new WeakMap<SiteContent, Map<string, string>>();

/** Every notice version's short code, by language and slug (made once per build). */
export function shortCodes(content: SiteContent): Map<string, string> {
  const known = made.get(content) ?? content.handedOver?.shortCodes;
  if (known) return known;
  const versions = content.slugs
    .flatMap((slug) => Object.values(content.versions.get(slug) ?? {}))
    .filter((notice): notice is Notice => notice !== undefined)
    .sort(
      (a, b) =>
        a.createdAt.getTime() - b.createdAt.getTime() ||
        a.slug.localeCompare(b.slug) ||
        a.locale.localeCompare(b.locale),
    );
  const codes = new Map<string, string>();
  const taken = new Set<string>();
  for (const notice of versions) {
    const key = keyOf(notice.slug, notice.locale);
    // One hash per length tried: three per notice were 0.4 s of every build at 10,000 notices.
    let length = SHORTEST;
    let shortCode = code(key, length);
    while (taken.has(shortCode)) {
      length += 1;
      shortCode = code(key, length);
    }
    taken.add(shortCode);
    codes.set(key, shortCode);
  }
  made.set(content, codes);
  return codes;
}

/** The short address of a notice's page, absolute ("https://tablica.example.org/k/3f9a2x"). */
export function shortUrlOf(content: SiteContent, notice: Pick<Notice, 'slug' | 'locale'>): string | undefined {
  const found = shortCodes(content).get(keyOf(notice.slug, notice.locale));
  return found && absoluteUrl(content.baseUrl, outputPaths.shortLink(found));
}

/** One short address as /k/index.json lists it: the page it leads to, in which language, titled. */
export interface ShortLink {
  code: string;
  locale: Locale;
  page: string;
  /** The page's absolute address (its canonical link). */
  url: string;
  title: string;
}

/** What each short address leads to: its code and the page. */
export const shortLinkTargets = (content: SiteContent) =>
  [...shortCodes(content)].map(([key, found]) => {
    const [locale, slug] = key.split(/:(.*)/s) as [Locale, string];
    return { code: found, slug, locale, page: routes.notice(slug, locale) };
  });
