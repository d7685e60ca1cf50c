/** Strapi's public REST API as a build reads it: retries, timeouts, every page of a list. */
export interface StrapiSourceOptions {
  url: string;
  /** A read-only API token; the public role can read published content without one. */
  token?: string | undefined;
  /** Attempts after the first when Strapi cannot be reached or answers 5xx/429. */
  retries: number;
  /** The first wait; each retry waits twice as long as the one before. */
  retryDelayMs: number;
  /** Told about every retry, so a slow build says why it is slow. */
  onRetry?: (message: string) => void;
}

/** Strapi could not give us the content; the build must stop rather than publish part of a site. */
export class StrapiUnavailableError extends Error {
  override name = 'StrapiUnavailableError';
  /** The HTTP status Strapi refused with, when it answered. */
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

export interface Page {
  data: unknown;
  meta?: { pagination?: { page: number; pageCount: number; total: number } };
}

const PAGE_SIZE = 100;
const REQUEST_TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isRetryable = (status: number) => status >= 500 || status === 429 || status === 408;

export async function getJson(path: string, options: StrapiSourceOptions): Promise<Page> {
  const url = new URL(path, options.url.endsWith('/') ? options.url : `${options.url}/`);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let lastProblem = '';
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) {
      const wait = options.retryDelayMs * 2 ** (attempt - 1);
      options.onRetry?.(`${lastProblem}; retry ${attempt} of ${options.retries} in ${wait} ms`);
      await sleep(wait);
    }
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (error) {
      lastProblem = `cannot reach Strapi at ${url.origin} (${describeFetchError(error)})`;
      continue;
    }
    if (response.ok) return (await response.json()) as Page;
    lastProblem = `Strapi answered ${response.status} ${response.statusText} for ${url.pathname}`;
    if (!isRetryable(response.status)) {
      const hint =
        response.status === 401 || response.status === 403
          ? ' Check STRAPI_TOKEN (a read-only API token) or the Public role permissions.'
          : '';
      throw new StrapiUnavailableError(`Tablica: ${lastProblem}.${hint}`, response.status);
    }
  }
  throw new StrapiUnavailableError(
    `Tablica: ${lastProblem} after ${options.retries + 1} attempts. The site was not built; the last good build stays live.`,
  );
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/** Every page of a collection. Strapi caps a page at 100 (`rest.maxLimit`). */
export async function getAll(path: string, options: StrapiSourceOptions): Promise<unknown[]> {
  const items: unknown[] = [];
  let pageCount = 1;
  let firstTotal: number | undefined;
  for (let page = 1; page <= pageCount; page++) {
    const separator = path.includes('?') ? '&' : '?';
    const body = await getJson(
      `${path}${separator}sort[0]=id:asc&pagination[page]=${page}&pagination[pageSize]=${PAGE_SIZE}`,
      options,
    );
    if (!Array.isArray(body.data)) throw new StrapiUnavailableError(`Tablica: ${path} did not return a list.`);
    items.push(...body.data);
    pageCount = body.meta?.pagination?.pageCount ?? 1;
    firstTotal ??= body.meta?.pagination?.total;
  }
  if (firstTotal !== undefined && items.length !== firstTotal) {
    // Something was published or removed while we paged; the next build (the publisher runs one
    // after every change) sees a settled list, and this one must not publish a torn one.
    throw new StrapiUnavailableError(
      `Tablica: ${path} changed while it was being read (${firstTotal} expected, ${items.length} read); build again.`,
    );
  }
  return items;
}
