import type { APIRoute, GetStaticPaths } from 'astro';
import { type CapMessageFile, capMessageSlugs, capMessagesOf } from '../../../lib/cap-messages.ts';
import { getSiteContent } from '../../../lib/content.ts';
import { keyOf, partsToList, withoutUnchanged } from '../../../lib/incremental/keyed-paths.ts';
import { capMessage } from '../../../lib/outputs/cap.ts';
import { outputPaths } from '../../../lib/outputs/manifest.ts';
import { outputResponse } from '../../../lib/outputs/respond.ts';

export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  // Which notices' messages the site keeps hangs on other notices (a chain of replacements is kept
  // whole), so this route's parts are its own (`cap:<slug>`), decided each build; a kept notice
  // whose key is unchanged has the messages the previous build made of it.
  const partOf = (slug: string) => ({ part: `cap:${slug}`, key: () => keyOf(content, slug) });
  const slugs = partsToList(content, capMessageSlugs(content), partOf);
  const messages = withoutUnchanged(
    content,
    slugs.flatMap((slug) => capMessagesOf(content, slug)),
    (message) => ({ ...partOf(message.slug), path: outputPaths.capMessage(message.slug, message.revision) }),
  );
  return messages.map((message) => ({
    params: { slug: message.slug, version: `v${message.revision}` },
    props: { message },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, url }) => {
  const content = await getSiteContent();
  const message = props.message as CapMessageFile;
  const institution = content.institutionBySlug.get(message.translations[0]?.institution ?? '');
  return outputResponse(url, capMessage(message, { baseUrl: content.baseUrl, institution }));
};
