/*! Tablica notices widget — <tablica-notices>. No cookies, no storage, no third-party requests. */
// @ts-check
/** @typedef {import('../lib/outputs/widget-data.ts').WidgetFile} WidgetFile */
/** @typedef {import('../lib/outputs/widget-data.ts').WidgetNotice} WidgetNotice */
/** @typedef {import('../lib/i18n/widget.ts').WidgetWords} WidgetWords */
/** @typedef {import('../lib/outputs/manifest.ts').WidgetScriptConfig} WidgetScriptConfig */
(() => {
  const NAME = 'tablica-notices';
  if (!window.customElements || customElements.get(NAME)) return;
  // The site this script came from serves the widget data and the embed pages beside it.
  const BASE = new URL('.', /** @type {HTMLScriptElement | null} */ (document.currentScript)?.src || location.href);
  // The languages with widget data and the reserve figures, written in at build time (src/pages/embed.js.ts).
  /** @type {WidgetScriptConfig} */
  const CONFIG = /* @tablica-config */ {
    languages: ['pl', 'en', 'uk'],
    defaultLanguage: 'pl',
    spare: { item: 6.05, line: 1.26, call: 1.8 },
  } /* @end */;
  // Every line box is clamped, so the widget never grows past the space the embed builder tells
  // the host page to reserve (site/src/lib/embed/reserve.ts): no layout shift on the host page.
  // Typography is set inside the shadow root, out of reach of the host page's resets.
  const CSS = `
:host{display:block;contain:content}
:host([hidden]){display:none}
.w{all:initial;display:block;box-sizing:border-box;min-height:inherit;font:400 1em/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--tablica-text,#1a1a1a);background:var(--tablica-background,#fff);border:var(--tablica-border,1px solid #767676);border-radius:var(--tablica-radius,4px);padding:.75em 1em;text-align:start;overflow:hidden}
:host([theme=dark]) .w{--tablica-text:#f2f2f2;--tablica-background:#121212;--tablica-link:#8cb8ff;--tablica-urgent:#ff8a8f}
@media (prefers-color-scheme:dark){:host(:not([theme=light])) .w{--tablica-text:#f2f2f2;--tablica-background:#121212;--tablica-link:#8cb8ff;--tablica-urgent:#ff8a8f}}
*{margin:0;padding:0;font:inherit;color:inherit}
h2{font-weight:700;margin-bottom:.35em}
h2,.t{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden}
.single h2{-webkit-line-clamp:4}
ul{list-style:none}
li{display:block;padding:.3em 0;border-top:1px solid color-mix(in srgb,currentColor 25%,transparent)}
li:first-child{border-top:0}
a{color:var(--tablica-link,#0b4fa8);text-decoration:underline}
a:focus-visible{outline:3px solid var(--tablica-focus,#b35c00);outline-offset:-3px}
.sev{font-weight:700;color:var(--tablica-urgent,#a4111a)}
.sev::before{content:"▲ "}
.when,.more{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;font-size:.9em}
.more{margin-top:.4em;-webkit-line-clamp:1}
.sum{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:4;overflow:hidden;margin-top:.4em}
.call{display:block;margin-top:.4em;font-weight:700;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.fill{display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden;font-size:.9em;margin-top:.3em}
.banner ul,.banner p{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.banner p,.banner li,.banner .t,.banner .when{display:inline}
.banner li+li::before{content:" · "}`;
  let warned = false;
  /** @param {string} message */
  const warn = (message) => {
    if (!warned) console.warn(`[tablica] ${message}`);
    warned = true;
  };
  /**
   * @param {string} tag
   * @param {Record<string, string>} [attributes]
   * @param {(Node | string)[]} children
   */
  const element = (tag, attributes, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };
  /** @param {HTMLElement} host @param {string} lang */
  const dataPath = (host, lang) => {
    const notice = host.getAttribute('notice');
    const institution = host.getAttribute('institution');
    if (notice) return `widget/notice/${encodeURIComponent(notice)}.json`;
    return institution ? `widget/${encodeURIComponent(institution)}/${lang}.json` : `widget/${lang}.json`;
  };

  class TablicaNotices extends HTMLElement {
    count = 0;

    async connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      // Constructable stylesheets: no <style> element, so a strict CSP (no 'unsafe-inline') allows it.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
      root.append(element('slot')); // the fallback link stays until the data arrives
      const asked = this.getAttribute('lang') ?? '';
      const lang = CONFIG.languages.includes(asked) ? asked : CONFIG.defaultLanguage;
      if (asked && lang !== asked)
        warn(`lang="${asked}" is not one of ${CONFIG.languages.join(', ')}; showing ${lang}.`);
      /** @type {WidgetFile} */
      let data;
      try {
        const response = await fetch(new URL(dataPath(this, lang), BASE), {
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        data = await response.json();
      } catch (error) {
        warn(`could not load notices (${error instanceof Error ? error.message : error}); showing the link instead.`);
        return;
      }
      // A language the data file does not know is one the registry lacks (checked above).
      const words = data.words?.[/** @type {WidgetFile['lang']} */ (lang)] ?? data.words?.[data.lang];
      if (!words) {
        warn('the notices data has no words for this language; showing the link instead.');
        return;
      }
      this.render(root, data, words);
      this.dispatchEvent(
        new CustomEvent('tablica:loaded', { bubbles: true, composed: true, detail: { count: this.count } }),
      );
    }

    /**
     * @param {ShadowRoot} root
     * @param {WidgetFile} data
     * @param {WidgetWords} words
     */
    render(root, data, { region, more, none, urgent, ended, read, easyRead, noUrgent, call }) {
      const single = this.hasAttribute('notice');
      const variant = single ? 'single' : this.getAttribute('variant') === 'banner' ? 'banner' : 'list';
      // A banner is one line: every urgent notice in it, the count first so a phone still sees it.
      const limit =
        variant === 'banner'
          ? 10
          : Math.min(10, Math.max(1, Number(this.getAttribute('limit')) || (variant === 'list' ? 3 : 1)));
      const now = Date.now();
      /** @param {WidgetNotice} notice */
      const over = (notice) => notice.until && Date.parse(notice.until) <= now;
      // A cached page must never show a suspension that has ended by the reader's clock; a
      // single embedded notice stays, marked as ended.
      let notices = (data.notices || []).filter((notice) => single || !over(notice));
      if (single)
        notices = [notices.find((notice) => notice.lang === this.getAttribute('lang')) || notices[0]].filter(
          /** @returns {notice is WidgetNotice} */ (notice) => notice !== undefined,
        );
      if (variant === 'banner') notices = notices.filter((notice) => notice.severity === 'urgent');
      notices = notices.slice(0, limit);
      this.count = notices.length;
      const box = element('section', {
        class: `w ${variant}`,
        part: 'region',
        'aria-label': `${region}: ${data.title}`,
      });
      /** @param {WidgetNotice} notice @param {string} text */
      const link = (notice, text) => element('a', { href: notice.url, part: 'link' }, text);
      /** @param {WidgetNotice} notice @returns {HTMLElement[]} */
      const label = (notice) =>
        over(notice)
          ? [element('span', { class: 'sev', part: 'status' }, `${ended}: `)]
          : notice.severity === 'urgent'
            ? [element('span', { class: 'sev', part: 'severity' }, `${urgent}: `)]
            : [];
      if (single && notices[0]) {
        const [notice] = notices;
        box.setAttribute('lang', notice.lang);
        box.append(
          element('h2', { part: 'heading' }, ...label(notice), notice.title),
          element('span', { class: 'when', part: 'period' }, notice.period),
          ...(notice.call
            ? [element('a', { href: notice.call.href, class: 'call', part: 'call' }, `${call}: ${notice.call.number}`)]
            : []),
          element('p', { class: 'sum', part: 'summary' }, notice.summary),
          element('a', { href: notice.url, class: 'more', part: 'more' }, read),
          ...(notice.easy
            ? [element('a', { href: notice.easy, class: 'more', part: 'more easy-read' }, easyRead)]
            : []),
        );
      } else if (notices.length === 0) {
        box.append(
          element('p', { part: 'empty' }, variant === 'banner' ? noUrgent : none, ' '),
          element('a', { href: data.url, class: 'more', part: 'more' }, more),
        );
      } else {
        if (variant === 'list') box.append(element('h2', { part: 'heading' }, data.title));
        const list = element('ul', { part: 'list' });
        // Space reserved for more notices than are in force is given to those shown — the phone
        // to call, then the summary — instead of standing empty (figures from
        // site/src/lib/embed/reserve.ts, written in at build time).
        const { item: ITEM, line: LINE, call: CALL } = CONFIG.spare;
        const budget =
          variant === 'list' && notices.length < limit ? ((limit - notices.length) * ITEM) / notices.length : 0;
        for (const [index, notice] of notices.entries()) {
          const item = element(
            'li',
            { part: `item ${notice.severity}`, lang: notice.lang },
            element(
              'span',
              { class: 't' },
              // In a banner of several, the first says how many there are.
              ...(variant === 'banner' && index === 0 && notices.length > 1
                ? [element('span', { class: 'sev', part: 'severity' }, `${urgent} (${notices.length}): `)]
                : variant === 'banner' && index > 0
                  ? []
                  : label(notice)),
              link(notice, variant === 'banner' ? notice.headline || notice.title : notice.title),
            ),
            variant === 'banner' && notices.length > 1
              ? ''
              : element('span', { class: 'when', part: 'period' }, ` ${notice.period}`),
          );
          let left = budget;
          if (notice.call && left >= CALL) {
            item.append(
              element('a', { href: notice.call.href, class: 'call', part: 'call' }, `${call}: ${notice.call.number}`),
            );
            left -= CALL;
          }
          const lines = Math.floor((left - 0.3) / LINE);
          if (lines > 0) {
            const summary = element('span', { class: 'fill', part: 'summary' }, notice.summary);
            summary.style.webkitLineClamp = String(lines);
            item.append(summary);
          }
          list.append(item);
        }
        box.append(list);
        if (variant === 'list') box.append(element('a', { href: data.url, class: 'more', part: 'more' }, more));
      }
      root.replaceChildren(box);
    }
  }
  customElements.define(NAME, TablicaNotices);

  // Iframe embeds from this site report their height; only messages from this site's origin, and
  // only for frames on this page, are believed.
  addEventListener('message', (event) => {
    if (event.origin !== BASE.origin || event.data?.type !== 'tablica:height') return;
    const height = Math.min(4000, Math.max(0, Math.round(Number(event.data.height)) || 0));
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source && height) frame.style.height = `${height}px`;
    }
  });
})();
