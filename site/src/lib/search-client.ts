/**
 * The search page's script: the only client JavaScript besides the "ended" marker. It queries the
 * Pagefind index of the page's language and lists results as plain text links.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}

interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const MAX_RESULTS = 20;

/** Pagefind marks hits with <mark>; the page shows the excerpt as text, never as HTML. */
function plainText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

export function runSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLUListElement>('[data-search-results]');
  if (!form || !input || !status || !list) return;

  let pagefind: Promise<Pagefind> | undefined;
  const load = () => {
    // Loaded at run time from the built site; the bundler must not try to resolve it.
    const url = '/pagefind/pagefind.js';
    pagefind ??= import(/* @vite-ignore */ url) as Promise<Pagefind>;
    return pagefind;
  };

  const show = async (query: string) => {
    list.replaceChildren();
    if (!query.trim()) {
      status.textContent = '';
      return;
    }
    const search = await (await load()).search(query);
    const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    status.textContent =
      results.length === 0 ? (status.dataset.none ?? '') : `${status.dataset.count ?? ''} ${search.results.length}`;
    for (const result of results) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.meta.title ?? result.url;
      const excerpt = document.createElement('p');
      excerpt.textContent = plainText(result.excerpt);
      item.append(link, excerpt);
      list.append(item);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
    void show(input.value);
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void show(initial);
  }
}
