// npm run token -w cms: creates a read-only API token for site builds and prints it once.
import { run, withStrapi } from './with-strapi.mjs';

run(async () => {
  process.env.TABLICA_SEED = 'false';
  const token = await withStrapi(async (strapi, requireCompiled) => {
    const { createBuildToken } = requireCompiled('src/tokens/build-token.js');
    return createBuildToken(strapi);
  });
  console.error(`Tablica: created the read-only API token "${token.name}" (no expiry).`);
  console.error('Give it to the site build as STRAPI_TOKEN. It is shown only this once:\n');
  console.log(token.accessKey);
});
