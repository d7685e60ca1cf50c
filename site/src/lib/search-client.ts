// Only the status rule: the rest of @tablica/shared (schemas, Zod) stays out of the browser.
import { type NoticeStatus, noticeStatus } from '@tablica/shared/status';
import { SEARCH_INDEX_DIRECTORY, SEARCH_INDEX_PARTS_FILE, type SearchIndexParts } from './search-index-parts.ts';
import { searchQueries } from './search-queries.ts';

/**
 * The search page's script: the only client JavaScript besides the "ended" marker. It queries the
 * Pagefind index of the page's language and lists results as plain text links, each with its
 * status (by the reader's clock), its period and its summary; notices in force or announced come
 * before ended ones, in Pagefind's order within each.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; starts?: string; ends?: string; period?: string; summary?: string };
}

/** Where a result stands now (the site's own rule); pages that are not notices have no dates. */
function statusOf(meta: PagefindResultData['meta'], now: Date): NoticeStatus | undefined {
  const starts = meta.starts ? new Date(meta.starts) : undefined;
  if (!starts || Number.isNaN(starts.getTime())) return undefined;
  const ends = meta.ends ? new Date(meta.ends) : undefined;
  return noticeStatus({ effectiveFrom: starts, effectiveUntil: ends }, now);
}

const RANK: Record<NoticeStatus | 'page', number> = { active: 0, upcoming: 1, page: 2, expired: 3 };

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

interface Pagefind {
  search(query: string): Promise<{ results: PagefindResult[] }>;
  mergeIndex(indexPath: string): Promise<void>;
}

/** Each page once, by its best score, over the queries' results (search-queries.ts). */
async function searchAll(pagefind: Pagefind, query: string): Promise<PagefindResult[]> {
  const searches = await Promise.all(searchQueries(query).map((asked) => pagefind.search(asked)));
  const best = new Map<string, PagefindResult>();
  for (const result of searches.flatMap((search) => search.results)) {
    const seen = best.get(result.id);
    if (!seen || result.score > seen.score) best.set(result.id, result);
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

const SEARCH_INDEX = `/${SEARCH_INDEX_DIRECTORY}/`;

/** The index's other parts (search-index-parts.ts), none if the list cannot be read. */
async function indexParts(): Promise<string[]> {
  const response = await fetch(`${SEARCH_INDEX}${SEARCH_INDEX_PARTS_FILE}`);
  return response.ok ? ((await response.json()) as SearchIndexParts).parts : [];
}

/** Pagefind with every part of the site's index merged in: one search over all of them. */
async function loadPagefind(): Promise<Pagefind> {
  // Loaded at run time from the built site; the bundler must not try to resolve it.
  const url = `${SEARCH_INDEX}pagefind.js`;
  const [pagefind, parts] = await Promise.all([import(/* @vite-ignore */ url) as Promise<Pagefind>, indexParts()]);
  await Promise.all(parts.map((part) => pagefind.mergeIndex(`${SEARCH_INDEX}${part}`)));
  return pagefind;
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
    pagefind ??= loadPagefind();
    return pagefind;
  };

  // A search answered after a later one was asked is dropped: its results would join the later's.
  let asked = 0;
  const show = async (query: string) => {
    const ask = ++asked;
    list.replaceChildren();
    if (!query.trim()) {
      status.textContent = '';
      return;
    }
    const found = await searchAll(await load(), query);
    const now = new Date();
    // Current first: a notice ended in 2020 must not outrank the one that replaced it. The sort is
    // stable, so Pagefind's relevance still orders each group.
    const results = (await Promise.all(found.slice(0, MAX_RESULTS).map((result) => result.data())))
      .map((result) => ({ result, status: statusOf(result.meta, now) }))
      .sort((a, b) => RANK[a.status ?? 'page'] - RANK[b.status ?? 'page']);
    if (ask !== asked) return;
    status.textContent =
      results.length === 0 ? (status.dataset.none ?? '') : `${status.dataset.count ?? ''} ${found.length}`;
    for (const { result, status: state } of results) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.meta.title ?? result.url;
      item.append(link);
      if (state) {
        // The status in words (and by its data-state shape, as on the pages), then the period.
        const when = document.createElement('p');
        when.className = 'search-when';
        const badge = document.createElement('span');
        badge.className = 'status';
        badge.dataset.state = state;
        badge.textContent = list.dataset[`status${state[0]?.toUpperCase()}${state.slice(1)}`] ?? state;
        when.append(badge, ` ${result.meta.period ?? ''}`);
        item.append(when);
      }
      // A notice's whole summary (never cut mid-sentence); other pages' excerpt.
      const excerpt = document.createElement('p');
      excerpt.textContent = result.meta.summary ?? plainText(result.excerpt);
      item.append(excerpt);
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
