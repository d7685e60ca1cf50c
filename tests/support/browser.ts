import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core (browser downloads cannot work here). The flags
 * keep it from reaching the network on its own (updates, sync, background services).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  const message = `\n*** Browser tests SKIPPED: no Chromium at ${CHROMIUM}. Install it: apt-get install -y chromium ***\n`;
  // CI must never skip them silently: there, a missing browser is a failure.
  if (process.env.CI) throw new Error(message);
  process.stderr.write(message);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--metrics-recording-only',
    ],
  });
}
