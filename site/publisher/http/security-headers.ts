import { readFileSync } from 'node:fs';
import path from 'node:path';
import { outputPaths, servingRule } from '../../src/lib/outputs/manifest.ts';

/**
 * The security headers of every answer of the static site. The Content-Security-Policy allows
 * no inline script or style except the exact ones the build inlined, by hash (the build lists
 * them in `tablica-csp.json`). Pages may not be framed, except the embed pages, which exist to
 * be framed by any site.
 */
export interface InlineHashes {
  /** `sha256-…` sources of the inline <script> elements. */
  scripts: string[];
  /** `sha256-…` sources of the inline <style> elements and style="" attributes. */
  styles: string[];
  /** Origins of the videos the pages play (a notice's PJM video, uploaded to the CMS). */
  media?: string[];
}

/** The hashes file, relative to the build directory. */
export const CSP_FILE = outputPaths.inlineHashes.slice(1);

/** A build's inline-code hashes; none (the strictest policy) when it has no list. */
export function readInlineHashes(buildDirectory: string): InlineHashes {
  try {
    return JSON.parse(readFileSync(path.join(buildDirectory, CSP_FILE), 'utf8')) as InlineHashes;
  } catch {
    return { scripts: [], styles: [] };
  }
}

/** Pages that other sites frame (the iframe embeds), as the outputs manifest says. */
export const isFramable = (pathname: string) => servingRule(pathname).framable === true;

const quoted = (hashes: string[]) => hashes.map((hash) => `'${hash}'`);

export function contentSecurityPolicy(hashes: InlineHashes, { framable }: { framable: boolean }): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    // Pagefind's search runs WebAssembly.
    ['script-src', "'self'", ...quoted(hashes.scripts), "'wasm-unsafe-eval'"],
    ['style-src', "'self'", ...quoted(hashes.styles), ...(hashes.styles.length > 0 ? ["'unsafe-hashes'"] : [])],
    ['img-src', "'self'", 'data:'],
    ['media-src', "'self'", ...(hashes.media ?? [])],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['frame-src', "'self'"],
    ['manifest-src', "'self'"],
    ['form-action', "'self'"],
    ['base-uri', "'none'"],
    ['object-src', "'none'"],
    ['frame-ancestors', framable ? '*' : "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

export function securityHeaders(pathname: string, hashes: InlineHashes): Record<string, string> {
  const framable = isFramable(pathname);
  return {
    'content-security-policy': contentSecurityPolicy(hashes, { framable }),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    ...(framable ? {} : { 'x-frame-options': 'DENY' }),
  };
}
