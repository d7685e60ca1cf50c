import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { type HostSite, startHostSite } from './host-site.ts';
import { type StaticServer, serveDirectory } from './static-server.ts';

export interface EmbedHarness {
  browser: Browser;
  /** The notice site, served from the built directory. */
  siteServer: StaticServer;
  /** Somebody else's website on another origin, where the embeds are pasted. */
  host: HostSite;
}

/**
 * Chromium, the built site and a host site on another origin, for one describe block. `site` may
 * be a function, for a site built in an earlier beforeAll.
 */
export function useEmbedHarness(site: string | (() => string)): EmbedHarness {
  const harness = {} as EmbedHarness;
  beforeAll(async () => {
    harness.siteServer = await serveDirectory(typeof site === 'function' ? site() : site);
    harness.host = await startHostSite();
    harness.browser = await launchChromium();
  });
  afterAll(async () => {
    await harness.browser?.close();
    await harness.siteServer?.close();
    await harness.host?.close();
  });
  return harness;
}
