import type { APIRoute } from 'astro';
import { widgetScriptConfig } from '../lib/outputs/manifest.ts';
import { outputResponse } from '../lib/outputs/respond.ts';
import source from '../widget/embed.js?raw';

// The placeholder object between the markers, on one line or several (as the formatter leaves it).
const CONFIG = /\/\* @tablica-config \*\/[\s\S]*?\/\* @end \*\//;
// JSDoc types and the ts-check line are for the type checker, not for every reader's download.
const TYPE_COMMENTS = /^\s*\/\/ @ts-check\n|^\s*\/\*\*(?:[^*]|\*(?!\/))*\*\/\n?|\/\*\*(?:[^*]|\*(?!\/))*\*\/ ?/gm;

/** /embed.js: the widget, with the languages of the locale registry written in. */
export const GET: APIRoute = ({ url }) => {
  if (!CONFIG.test(source)) throw new Error('Tablica: src/widget/embed.js has lost its @tablica-config marker.');
  const script = source.replace(CONFIG, JSON.stringify(widgetScriptConfig())).replace(TYPE_COMMENTS, '');
  return outputResponse(url, script);
};
