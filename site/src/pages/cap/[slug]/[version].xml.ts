import type { APIRoute, GetStaticPaths } from 'astro';
import { type CapMessageFile, capMessageFiles } from '../../../lib/cap-messages.ts';
import { getSiteContent } from '../../../lib/content.ts';
import { keyOf, withoutUnchanged } from '../../../lib/incremental/keyed-paths.ts';
import { capMessage } from '../../../lib/outputs/cap.ts';
import { outputPaths } from '../../../lib/outputs/manifest.ts';
import { outputResponse } from '../../../lib/outputs/respond.ts';

export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  // Every notice's messages are listed, not only changed notices' (noticesToList): which notices
  // have them hangs on others (a chain of replacements is kept whole), so they are a part of their
  // own, whose files are as this build lists them. Rendered when the notice changed.
  const messages = withoutUnchanged(content, capMessageFiles(content), (message) => ({
    part: `cap:${message.slug}`,
    path: outputPaths.capMessage(message.slug, message.revision),
    key: () => keyOf(content, message.slug),
  }));
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
