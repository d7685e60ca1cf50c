/*! Tablica notices widget — <tablica-notices>. No cookies, no storage, no third-party requests. */
(() => {
  const NAME = 'tablica-notices';
  if (!window.customElements || customElements.get(NAME)) return;
  // The site this script came from serves the widget data beside it.
  const BASE = new URL('.', document.currentScript?.src || location.href);
  const WORDS = {
    pl: { region: 'Komunikaty', until: 'do', more: 'Wszystkie komunikaty', none: 'Brak obowiązujących komunikatów.' },
    en: { region: 'Notices', until: 'until', more: 'All notices', none: 'No notices in force.' },
    uk: { region: 'Повідомлення', until: 'до', more: 'Усі повідомлення', none: 'Немає чинних повідомлень.' },
  };
  const CSS = `
:host{display:block;font:inherit;font-size:var(--tablica-font-size,1rem);line-height:1.45;color:var(--tablica-text,#1a1a1a);background:var(--tablica-background,#fff);border:var(--tablica-border,1px solid #767676);border-radius:var(--tablica-radius,4px);padding:var(--tablica-padding,.75em 1em);contain:content;text-align:start}
:host([hidden]){display:none}
:host([theme=dark]){--tablica-text:#f2f2f2;--tablica-background:#121212;--tablica-link:#8cb8ff;--tablica-urgent:#ff8a8f}
@media (prefers-color-scheme:dark){:host([theme=auto]),:host(:not([theme])){--tablica-text:#f2f2f2;--tablica-background:#121212;--tablica-link:#8cb8ff;--tablica-urgent:#ff8a8f}}
*{box-sizing:border-box;margin:0;padding:0;font:inherit;color:inherit;display:revert}
h2{font-weight:700;font-size:1em;margin-bottom:.35em}
ul{list-style:none}
li{padding:.3em 0;border-top:1px solid color-mix(in srgb,currentColor 25%,transparent)}
li:first-child{border-top:0}
a{color:var(--tablica-link,#0b4fa8);text-decoration:underline}
a:focus-visible{outline:3px solid var(--tablica-focus,#b35c00);outline-offset:2px}
.sev{font-weight:700;color:var(--tablica-urgent,#a4111a)}
.sev::before{content:"▲ "}
.when{display:block;font-size:.9em;opacity:.85}
.banner li{display:inline}
.banner .when{display:inline}
.more{display:block;margin-top:.4em;font-size:.9em}`;
  let warned = false;
  const warn = (message) => {
    if (!warned) console.warn(`[tablica] ${message}`);
    warned = true;
  };
  const element = (tag, attributes = {}, text) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  class TablicaNotices extends HTMLElement {
    async connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      // Constructable stylesheets: no <style> element, so a strict CSP (no 'unsafe-inline') allows it.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
      root.append(element('slot')); // the fallback link stays visible until data arrives
      const lang = WORDS[this.getAttribute('lang')] ? this.getAttribute('lang') : 'pl';
      const institution = this.getAttribute('institution');
      const path = institution ? `widget/${encodeURIComponent(institution)}/${lang}.json` : `widget/${lang}.json`;
      let data;
      try {
        const response = await fetch(new URL(path, BASE), { credentials: 'omit', referrerPolicy: 'no-referrer' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        data = await response.json();
      } catch (error) {
        warn(`could not load notices (${error.message}); showing the link instead.`);
        return;
      }
      this.render(root, data, lang);
      this.dispatchEvent(
        new CustomEvent('tablica:loaded', { bubbles: true, composed: true, detail: { count: this.count } }),
      );
    }

    render(root, data, lang) {
      const words = WORDS[lang];
      const variant = this.getAttribute('variant') || (this.hasAttribute('notice') ? 'single' : 'list');
      const limit = Math.min(10, Math.max(1, Number(this.getAttribute('limit')) || (variant === 'banner' ? 1 : 3)));
      const now = Date.now();
      // A cached page must never show a suspension that has ended by the reader's clock.
      let notices = (data.notices || []).filter((notice) => !notice.until || Date.parse(notice.until) > now);
      if (variant === 'single') notices = notices.filter((notice) => notice.slug === this.getAttribute('notice'));
      if (variant === 'banner') notices = notices.filter((notice) => notice.severity === 'urgent');
      notices = notices.slice(0, limit);
      this.count = notices.length;
      const region = element('section', {
        'aria-label': `${words.region}: ${data.title}`,
        part: 'region',
        class: variant,
      });
      if (variant !== 'banner') region.append(element('h2', { part: 'heading' }, data.title));
      const list = element('ul', { part: 'list' });
      for (const notice of notices) {
        const item = element('li', { part: `item ${notice.severity}`, lang: notice.lang });
        if (notice.severity === 'urgent')
          item.append(
            element(
              'span',
              { class: 'sev', part: 'severity' },
              `${data.lang === 'pl' ? 'Pilne' : data.lang === 'uk' ? 'Терміново' : 'Urgent'}: `,
            ),
          );
        item.append(
          element(
            'a',
            { href: notice.url, part: 'link' },
            variant === 'banner' ? notice.headline || notice.title : notice.title,
          ),
        );
        item.append(element('span', { class: 'when', part: 'period' }, ` ${notice.period}`));
        list.append(item);
      }
      if (notices.length === 0 && variant === 'banner') {
        this.hidden = true;
        return;
      }
      if (notices.length === 0) region.append(element('p', { part: 'empty' }, words.none));
      else region.append(list);
      if (variant === 'list') region.append(element('a', { href: data.url, class: 'more', part: 'more' }, words.more));
      root.replaceChildren(region);
    }
  }
  customElements.define(NAME, TablicaNotices);
})();
