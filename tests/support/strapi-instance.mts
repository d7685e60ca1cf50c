/**
 * One CMS instance in a process of its own, on a Postgres schema another instance may share:
 * for tests of several instances behind one load balancer (Strapi keeps one instance per
 * process). Options come as JSON in TABLICA_INSTANCE; it prints one line of JSON, its URL, and
 * stops on SIGTERM.
 */
import { bootStrapi } from '../../cms/test/helpers/boot-strapi.mts';

const options = JSON.parse(process.env.TABLICA_INSTANCE ?? '{}') as {
  postgresUrl: string;
  schema: string;
  seedDemo?: boolean;
  env: Record<string, string>;
};
const cms = await bootStrapi(options);
process.stdout.write(`${JSON.stringify({ url: cms.url })}\n`);
// Strapi stops itself on SIGTERM (it destroys the app and exits), as it does in production.
