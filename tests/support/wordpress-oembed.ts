/**
 * What WordPress does to the HTML of an oEmbed answer from a provider it does not know
 * (wp_filter_oembed_result in wp-includes/embed.php, WordPress 6.x), rewritten in TypeScript
 * because PHP and WordPress cannot run in these tests: keep only <a href>, <blockquote> and an
 * <iframe> with a few attributes; refuse the answer without an iframe; give the iframe a secret
 * (#?secret=… and data-secret), hide it behind the blockquote until the frame reports its height,
 * and sandbox it (allow-scripts only).
 */
const ALLOWED: Record<string, string[]> = {
  a: ['href'],
  blockquote: ['data-secret'],
  iframe: ['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title', 'data-secret'],
};

/** A small wp_kses: disallowed tags are dropped (their text stays), disallowed attributes too. */
function kses(html: string, allowSecret: boolean): string {
  return html.replace(/<(\/?)([a-zA-Z0-9-]+)([^>]*)>/g, (_, closing: string, tag: string, rest: string) => {
    const name = tag.toLowerCase();
    const allowed = ALLOWED[name]?.filter((attribute) => allowSecret || attribute !== 'data-secret');
    if (!allowed) return '';
    if (closing) return `</${name}>`;
    const attributes = [...rest.matchAll(/([a-zA-Z-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)]
      .filter((match) => allowed.includes(match[1]?.toLowerCase() ?? ''))
      .map((match) => ` ${match[1]?.toLowerCase()}="${match[3] ?? match[4] ?? ''}"`);
    return `<${name}${attributes.join('')}>`;
  });
}

/** The HTML WordPress puts in the post, or false when it refuses the embed. */
export function wordpressFilterOembed(html: string, secret = 'abcdefghij'): string | false {
  const kept = kses(html, false);
  const content = kept.match(/(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s);
  if (!content?.[2]) return false;
  let result = (content[1] ?? '') + content[2];
  const src = result.match(/ src=(['"])(.*?)\1/);
  if (src) {
    result = result.replace(
      src[0],
      ` src=${src[1]}${src[2]}#?secret=${secret}${src[1]} data-secret=${src[1]}${secret}${src[1]}`,
    );
    result = result.replace('<blockquote', `<blockquote data-secret="${secret}"`);
  }
  result = kses(result, true);
  if (content[1]) {
    result = result
      .replace('<iframe', '<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"')
      .replace('<blockquote', '<blockquote class="wp-embedded-content"');
  }
  return result.replace('<iframe', '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
}

/**
 * What wp-embed.js does on the page around the embed: say "ready" to each frame, and on a height
 * message carrying the frame's secret, size the frame (200–1000 px), show it and hide the quote.
 */
export const WORDPRESS_HOST_SCRIPT = `
window.wpHeights = [];
addEventListener('message', (event) => {
  const data = event.data;
  if (!data || !data.secret || !/^[a-zA-Z0-9]+$/.test(data.secret)) return;
  const frames = document.querySelectorAll('iframe[data-secret="' + data.secret + '"]');
  for (const quote of document.querySelectorAll('blockquote[data-secret="' + data.secret + '"]')) quote.style.display = 'none';
  for (const frame of frames) {
    if (event.source !== frame.contentWindow) continue;
    frame.removeAttribute('style');
    if (data.message === 'height') {
      const height = Math.min(1000, Math.max(200, parseInt(data.value, 10)));
      frame.height = height;
      window.wpHeights.push(height);
    }
  }
});
addEventListener('load', () => {
  for (const frame of document.querySelectorAll('iframe[data-secret]')) {
    frame.contentWindow.postMessage({ message: 'ready', secret: frame.getAttribute('data-secret') }, '*');
  }
});`;
