/**
 * How the native memory allocators of a build's programs give memory back: settings read from the
 * environment by the allocator compiled into each program, so they are passed to the processes
 * a build starts. An operator's own value for one of them is left as it is.
 *
 * Measured on a 10,000-notice build (site/bench, the process tree's peak is the budget):
 * - Astro's process holds Vite's bundler, Rolldown, whose allocator (mimalloc) asked for
 *   transparent huge pages and kept ~200 MB of them resident after the bundling, for the whole
 *   minute Astro renders: Astro's process peaked at 1,070 MB with them, 880–910 without.
 * - Pagefind's allocator (jemalloc, which it reads as `_RJEM_MALLOC_CONF`) keeps freed pages for
 *   10 s by default, about as long as the whole index takes, so Pagefind peaked at 985 MB. Given
 *   back after 3 s: 850–892 MB, for 0.8–1.7 s more of its 8.7–10.9 s (pairs run back to back);
 *   after 1 s: 820 MB, but 3 s more, and a build's peak is Astro's phase by then anyway.
 */
export const BUNDLER_ALLOCATOR: Readonly<Record<string, string>> = { MIMALLOC_ALLOW_THP: '0' };
export const PAGEFIND_ALLOCATOR: Readonly<Record<string, string>> = {
  _RJEM_MALLOC_CONF: 'dirty_decay_ms:3000,muzzy_decay_ms:0',
};

/** `settings`, less those `env` sets already (an operator's choice). */
export function allocatorDefaults(
  env: NodeJS.ProcessEnv,
  settings: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(settings).filter(([name]) => env[name] === undefined));
}
