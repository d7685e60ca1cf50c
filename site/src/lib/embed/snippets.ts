import type { Locale } from '@tablica/shared';
import { escapeMarkup } from '../outputs/escape.ts';
import { clampLimit, type WidgetVariant, widgetReserveEm } from './reserve.ts';

export const WIDGET_THEMES = ['auto', 'light', 'dark'] as const;
export type WidgetTheme = (typeof WIDGET_THEMES)[number];

export interface WidgetOptions {
  /** The public site's address, without a trailing slash. */
  siteUrl: string;
  variant: WidgetVariant;
  institution?: string | undefined;
  /** For the single-notice variant. */
  notice?: string | undefined;
  limit: number;
  lang: Locale;
  theme: WidgetTheme;
  /** Where the no-JavaScript link leads, and its words. */
  fallbackUrl: string;
  fallbackText: string;
}

const attribute = (name: string, value: string | number) => ` ${name}="${escapeMarkup(String(value))}"`;

/**
 * The script widget: the element with its fallback link inside and the space it will take
 * reserved up front, then the script. Attributes that equal the defaults are left out so the
 * snippet stays short enough to read.
 */
export function widgetSnippet(options: WidgetOptions): string {
  const { siteUrl, variant, institution, notice, lang, theme, fallbackUrl, fallbackText } = options;
  const limit = clampLimit(options.limit);
  const attributes = [
    variant === 'single' && notice ? attribute('notice', notice) : '',
    variant !== 'single' && institution ? attribute('institution', institution) : '',
    variant === 'banner' ? attribute('variant', 'banner') : '',
    variant === 'list' ? attribute('limit', limit) : '',
    attribute('lang', lang),
    theme === 'auto' ? '' : attribute('theme', theme),
    attribute('style', `display:block;min-height:${widgetReserveEm(variant, limit)}em`),
  ].join('');
  return (
    `<tablica-notices${attributes}><a href="${escapeMarkup(fallbackUrl)}">${escapeMarkup(fallbackText)}</a></tablica-notices>\n` +
    `<script src="${escapeMarkup(siteUrl)}/embed.js" async></script>`
  );
}

/** Height an iframe embed starts at before it reports its own. */
export const IFRAME_START_HEIGHT = 320;

/** The iframe embed; embed.js beside it lets the frame report its height to this page. */
export function iframeSnippet({ siteUrl, path, title }: { siteUrl: string; path: string; title: string }): string {
  return (
    // No max-width of its own: a theme's column width (WordPress's content size) must win.
    `<iframe src="${escapeMarkup(siteUrl + path)}" title="${escapeMarkup(title)}" width="100%" height="${IFRAME_START_HEIGHT}" loading="lazy" style="border:0;display:block"></iframe>\n` +
    `<script src="${escapeMarkup(siteUrl)}/embed.js" async></script>`
  );
}

/**
 * The HTML of an oEmbed answer, shaped to survive WordPress's filter for providers it does not
 * know (wp_filter_oembed_result): a blockquote with a link, shown until the frame reports its
 * height, then an iframe with only the attributes WordPress keeps. Its width is "100%" (WordPress
 * keeps no style): it fills the theme's column on a desktop and the screen on a phone, and gives
 * the block editor no aspect ratio to force on a frame that sizes itself.
 */
export function oembedHtml({ pageUrl, embedUrl, title }: { pageUrl: string; embedUrl: string; title: string }) {
  return (
    `<blockquote><a href="${escapeMarkup(pageUrl)}">${escapeMarkup(title)}</a></blockquote>` +
    `<iframe src="${escapeMarkup(embedUrl)}" width="100%" height="${IFRAME_START_HEIGHT}" title="${escapeMarkup(title)}" frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>`
  );
}
