import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../lib/content.ts';
import { dataFilesDirectory } from '../../lib/data-files/data-files-setting.ts';
import { writeDataFiles } from '../../lib/data-files/data-route.ts';
import { DATA_ROUTES } from '../../lib/data-files/data-routes.ts';

/**
 * A build through scripts/build.ts: each data route's files, written in one go into the build
 * (lib/data-files/data-route.ts). Its entries are listed here, with every other route's paths,
 * before Astro renders any page: the keys endpoint records each part's files from them. What this
 * renders says how many it wrote; scripts/build.ts deletes it.
 */
export const getStaticPaths = (async () => {
  if (!dataFilesDirectory()) return [];
  const content = await getSiteContent();
  return Promise.all(
    DATA_ROUTES.map(async (route) => ({
      params: { route: route.name },
      props: { entries: await route.entries(content) },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props }) => {
  const route = DATA_ROUTES.find((candidate) => candidate.name === params.route);
  const outDir = dataFilesDirectory();
  if (!route || !outDir) return new Response(null, { status: 404 });
  const started = performance.now();
  const files = writeDataFiles(route, (props as { entries: unknown[] }).entries, await getSiteContent(), outDir);
  console.log(
    `[tablica] data files written in one go: ${route.name}, ${files.length} (${Math.round(performance.now() - started)} ms)`,
  );
  return new Response(JSON.stringify({ written: files.length }));
};
