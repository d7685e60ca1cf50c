import * as z from 'zod';

/**
 * Every URL Tablica accepts is absolute `http:` or `https:`. `javascript:`, `data:`, relative
 * and protocol-relative (`//host`) URLs are refused: they end up in `href`s of pages, feeds
 * and widgets embedded on other organisations' sites.
 */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.hostname.length > 0 && url.username === '' && url.password === '';
}

export const HttpUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine(isHttpUrl, { params: { rule: 'http-url' } });
