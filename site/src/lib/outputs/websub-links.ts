import { escapeMarkup } from './escape.ts';

/** WebSub discovery (W3C WebSub §4): one rel="hub" link per hub, beside the feed's rel="self". */
export const hubLinks = (hubs: readonly string[] = [], element: 'atom:link' | 'link') =>
  hubs.map((hub) => `<${element} href="${escapeMarkup(hub)}" rel="hub"/>`).join('');
