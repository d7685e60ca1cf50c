/**
 * The embed builder in the browser: reads the form, writes the snippet and shows it live. The
 * snippet is built by the same functions the site uses, so the preview is what the editor pastes.
 */
import type { Locale } from '@tablica/shared';
import { WIDGET_VARIANTS, type WidgetVariant } from './reserve.ts';
import { iframeSnippet, WIDGET_THEMES, type WidgetTheme, widgetSnippet } from './snippets.ts';

interface BuilderData {
  siteUrl: string;
  /** The locale registry's languages (the first is the default). */
  languages: Locale[];
  /** The widget's fallback link words, per widget language. */
  fallback: Record<Locale, string>;
  copied: string;
  copyFailed: string;
}

type Urls = Record<Locale, string>;
const pick = <T extends string>(value: string, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

export function startEmbedBuilder(): void {
  const form = document.querySelector<HTMLFormElement>('[data-embed-builder]');
  const code = document.querySelector<HTMLTextAreaElement>('#b-code');
  const preview = document.querySelector<HTMLElement>('[data-preview]');
  const copy = document.querySelector<HTMLButtonElement>('[data-copy]');
  const status = document.querySelector<HTMLElement>('[data-copy-status]');
  if (!form || !code || !preview || !copy || !status) return;
  const data = JSON.parse(form.dataset.builder ?? '{}') as BuilderData;
  const field = (name: string) => form.elements.namedItem(name) as HTMLSelectElement | HTMLInputElement | RadioNodeList;
  const selected = (name: string) => form.querySelector<HTMLOptionElement>(`select[name="${name}"] option:checked`);

  // A link from a notice's or an institution's page opens the builder with it chosen.
  const query = new URLSearchParams(location.search);
  const notice = query.get('notice');
  const institution = query.get('institution');
  if (notice && form.querySelector(`select[name="notice"] option[value="${CSS.escape(notice)}"]`)) {
    (field('notice') as HTMLSelectElement).value = notice;
    (field('variant') as RadioNodeList).value = 'single';
  } else if (
    institution &&
    form.querySelector(`select[name="institution"] option[value="${CSS.escape(institution)}"]`)
  ) {
    (field('institution') as HTMLSelectElement).value = institution;
  }

  let last = '';
  const update = () => {
    const way = pick((field('way') as RadioNodeList).value, ['script', 'iframe', 'wordpress'] as const, 'script');
    let variant: WidgetVariant = pick((field('variant') as RadioNodeList).value, WIDGET_VARIANTS, 'list');
    // A frame cannot be a one-line bar: the banner is the script's alone.
    const banner = form.querySelector<HTMLInputElement>('input[name="variant"][value="banner"]');
    if (banner) banner.disabled = way !== 'script';
    if (variant === 'banner' && way !== 'script') {
      variant = 'list';
      (field('variant') as RadioNodeList).value = 'list';
    }
    const lang = pick((field('lang') as HTMLSelectElement).value, data.languages, data.languages[0] as Locale);
    const theme: WidgetTheme = pick((field('theme') as RadioNodeList).value, WIDGET_THEMES, 'auto');
    const limit = Number((field('limit') as HTMLInputElement).value) || 3;
    for (const element of document.querySelectorAll<HTMLElement>('[data-only]')) {
      element.hidden = !(element.dataset.only ?? '').split(' ').every((token) => matches(token, way, variant));
    }
    for (const help of form.querySelectorAll<HTMLElement>('[data-way-help]'))
      help.hidden = help.dataset.wayHelp !== way;

    const target = variant === 'single' ? selected('notice') : selected('institution');
    const urls = JSON.parse(target?.dataset.urls ?? '{}') as Urls;
    const frames = JSON.parse(target?.dataset.embeds ?? '{}') as Urls;
    const slug = target?.value || undefined;
    const frame = (siteUrl: string) =>
      iframeSnippet({
        siteUrl,
        // The frame's address, in the chosen language, comes from the outputs manifest (data-embeds).
        path: frames[lang] ?? '/embed/',
        title: `${data.fallback[lang]}: ${target?.dataset.name ?? ''}`,
      });
    const snippet =
      way === 'script'
        ? widgetSnippet({
            siteUrl: data.siteUrl,
            variant,
            institution: variant === 'single' ? undefined : slug,
            notice: variant === 'single' ? slug : undefined,
            limit,
            lang,
            theme,
            fallbackUrl: urls[lang] ?? data.siteUrl,
            fallbackText:
              variant === 'single'
                ? (target?.dataset.name ?? '')
                : `${data.fallback[lang]}: ${target?.dataset.name ?? ''}`,
          })
        : way === 'iframe'
          ? frame(data.siteUrl)
          : urls[lang];
    code.value = snippet;
    // The preview's frame comes from this very site (the public address may not be live yet);
    // WordPress shows a frame too. Redrawn only when the embed itself changed.
    const markup = (way === 'script' ? snippet : frame(location.origin)).split('\n')[0] ?? '';
    if (markup !== last) {
      last = markup;
      // Built from escaped values by the snippet functions; a fresh element starts the widget anew.
      // The page's CSP allows no inline style attributes, so they are applied through the CSSOM.
      preview.innerHTML = markup.replace(/\sstyle="/g, ' data-preview-style="');
      for (const element of preview.querySelectorAll<HTMLElement>('[data-preview-style]')) {
        element.style.cssText = element.dataset.previewStyle ?? '';
        element.removeAttribute('data-preview-style');
      }
    }
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.value);
      status.textContent = data.copied;
    } catch {
      code.select();
      status.textContent = data.copyFailed;
    }
  });
  // The copy button's place is kept from the first paint; it is usable once this runs.
  copy.classList.remove('awaiting-script');
  update();
}

/** A token of `data-only`: a way or a variant, or `not-<variant>`. */
function matches(token: string, way: string, variant: WidgetVariant): boolean {
  if (token.startsWith('not-')) return token.slice(4) !== variant && token.slice(4) !== way;
  return token === way || token === variant;
}
