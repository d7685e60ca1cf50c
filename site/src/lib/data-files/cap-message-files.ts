import { type CapMessageFile, capMessageSlugs, capMessagesOf } from '../cap-messages.ts';
import { keyOf, partsToList, withoutUnchanged } from '../incremental/keyed-paths.ts';
import { capMessage } from '../outputs/cap.ts';
import { outputPaths } from '../outputs/manifest.ts';
import type { DataRoute } from './data-route.ts';

/** /cap/<slug>/v<revision>.xml: each CAP message the site keeps (lib/cap-messages.ts). */
export const capMessageFiles: DataRoute<CapMessageFile> = {
  name: 'cap-messages',
  routeFile: 'cap/[slug]/[version].xml.ts',
  entries(content) {
    // Which notices' messages the site keeps hangs on other notices (a chain of replacements is
    // kept whole), so this route's parts are its own (`cap:<slug>`), decided each build; a kept
    // notice whose key is unchanged has the messages the previous build made of it.
    const partOf = (slug: string) => ({ part: `cap:${slug}`, key: () => keyOf(content, slug) });
    const slugs = partsToList(content, capMessageSlugs(content), partOf);
    return withoutUnchanged(
      content,
      slugs.flatMap((slug) => capMessagesOf(content, slug)),
      (message) => ({ ...partOf(message.slug), path: outputPaths.capMessage(message.slug, message.revision) }),
    );
  },
  path: (message) => outputPaths.capMessage(message.slug, message.revision),
  params: (message) => ({ slug: message.slug, version: `v${message.revision}` }),
  body(content, message) {
    const institution = content.institutionBySlug.get(message.translations[0]?.institution ?? '');
    return capMessage(message, { baseUrl: content.baseUrl, institution });
  },
};
