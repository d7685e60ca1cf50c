import { stripVTControlCharacters } from 'node:util';
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeLogger from 'astro/logger/node';

const PAGE_PATH = /^\s*├─ /;
/** What follows a page's path, once it is written: its time, or that it was reused. */
const PAGE_DONE = /^\s*(\(\+[\d.]+m?s\)|\((cached|restored)\))\s*$/;

/**
 * Astro's console output (its own node logger) less the line it prints for every page it writes:
 * "├─ /komunikaty/…/index.html (+2ms)", 41,645 of them in a full build of 10,000 notices, each
 * two writes with a formatted time stamp (1.8 s of the build's processor in a profile) that
 * nobody reads and the publisher collects. Everything else is as Astro prints it: each phase and
 * its time, the pages' count, every warning and error (one naming a page it failed to render).
 * Loaded by astro.config.ts (`logger`); should it fail to load, Astro uses its own logger.
 */
export default function withoutPageLines(config?: Parameters<typeof nodeLogger>[0]): AstroLoggerDestination {
  const astroOutput = nodeLogger(config);
  return {
    write(event: AstroLoggerMessage) {
      // A page's line comes in two parts, its path and then its time, with other pages' between
      // them (Astro writes 16 at once), so each part is recognised by itself.
      // Coloured when Astro prints to a terminal.
      const text = stripVTControlCharacters(event.message);
      if (event.label === null && !event.newLine && PAGE_PATH.test(text)) return;
      if (event.label === 'SKIP_FORMAT' && PAGE_DONE.test(text)) return;
      astroOutput.write(event);
    },
  };
}
