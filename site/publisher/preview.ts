import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isLocale } from '@tablica/shared';
import { contentTypeOf } from '../src/lib/outputs/manifest.ts';
import { routes } from '../src/lib/routes.ts';
import { resolveFile } from './http/files.ts';
import { CSP_FILE, contentSecurityPolicy, type InlineHashes } from './http/security-headers.ts';
import { runSiteBuild } from './site-build.ts';

/**
 * GET /podglad/<token>/… on the publisher's control server (never the public site): a draft
 * notice rendered by the site's own views. The token comes from the CMS's preview handler
 * (cms/config/admin.ts); the publisher cannot read it and does not need to — it hands it back to
 * the CMS (GET /api/tablica/preview/<token>), which answers with that one draft as a snapshot or
 * 404 once it has expired. The snapshot is built like the site (a few seconds), under the
 * token's path, and served never cached, not indexed, framable only by the CMS's admin panel.
 * A preview lives as long as its token; its build is then deleted.
 */
const PREFIX = '/podglad/';
const TOKEN = /^[A-Za-z0-9_-]{10,400}\.[A-Za-z0-9_-]{20,100}$/;
const LIFETIME_MS = 10 * 60 * 1000;

interface PreviewBuild {
  /** The temporary directory of this preview: its snapshot and its built site. */
  root: string;
  directory: string;
  /** The CMS admin panel's origin, as the CMS states it: the only one allowed to frame the preview. */
  adminOrigin: string;
  page: string;
  hashes: InlineHashes;
  createdAt: number;
}

export interface PreviewOptions {
  strapiUrl: string;
  buildEnv: NodeJS.ProcessEnv;
  log: (message: string) => void;
  buildTimeoutMs?: number;
}

const NEVER_KEPT = {
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex, nofollow',
  // The token is in the address: it must not travel on in a Referer.
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

function page(response: http.ServerResponse, status: number, text: string) {
  response.writeHead(status, { ...NEVER_KEPT, 'content-type': 'text/html; charset=utf-8' });
  response.end(
    `<!doctype html><html lang="pl"><meta charset="utf-8"><meta name="robots" content="noindex"><title>Podgląd</title><p>${text}</p></html>`,
  );
}

export function createPreviewHandler(options: PreviewOptions) {
  const builds = new Map<string, Promise<PreviewBuild | undefined>>();

  const forget = (now: number) => {
    for (const [token, pending] of builds) {
      // A failed build is dealt with where it was started; here it only must not go unhandled.
      pending.then(
        (build) => {
          if (build && now - build.createdAt > LIFETIME_MS && builds.get(token) === pending) {
            builds.delete(token);
            rmSync(build.root, { recursive: true, force: true });
          }
        },
        () => {},
      );
    }
  };

  async function build(token: string): Promise<PreviewBuild | undefined> {
    const answer = await fetch(`${options.strapiUrl}/api/tablica/preview/${token}`, {
      signal: AbortSignal.timeout(15_000),
    });
    if (answer.status !== 200) return undefined;
    const {
      page: target,
      adminOrigin,
      snapshot,
    } = (await answer.json()) as { page: { slug: string; locale: string }; adminOrigin: string; snapshot: unknown };
    const directory = mkdtempSync(path.join(tmpdir(), 'tablica-preview-'));
    const content = path.join(directory, 'snapshot.json');
    writeFileSync(content, JSON.stringify(snapshot));
    const outDir = path.join(directory, 'site');
    const run = await runSiteBuild(outDir, {
      env: {
        ...process.env,
        ...options.buildEnv,
        TABLICA_CONTENT: content,
        TABLICA_PREVIEW: '1',
        TABLICA_PREVIEW_BASE: `${PREFIX}${token}/`,
        TABLICA_LAST_GOOD: '',
        TABLICA_BUILD_REPORT: '',
      },
      timeoutMs: options.buildTimeoutMs ?? 120_000,
    });
    if (!run.ok) {
      options.log(`preview build failed: ${run.tail}`);
      rmSync(directory, { recursive: true, force: true });
      throw new Error('preview build failed');
    }
    const locale = isLocale(target.locale) ? target.locale : 'pl';
    let hashes: InlineHashes = { scripts: [], styles: [] };
    try {
      hashes = JSON.parse(readFileSync(path.join(outDir, CSP_FILE), 'utf8')) as InlineHashes;
    } catch {
      // No inline code to allow.
    }
    return {
      root: directory,
      directory: outDir,
      adminOrigin: new URL(adminOrigin).origin,
      page: routes.notice(target.slug, locale),
      hashes,
      createdAt: Date.now(),
    };
  }

  return async (request: http.IncomingMessage, response: http.ServerResponse, url: URL): Promise<void> => {
    request.resume();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...NEVER_KEPT, allow: 'GET, HEAD' });
      response.end();
      return;
    }
    const [token = '', ...rest] = url.pathname.slice(PREFIX.length).split('/');
    if (!TOKEN.test(token)) return page(response, 404, 'Nie ma takiego podglądu.');
    forget(Date.now());
    let pending = builds.get(token);
    if (!pending) {
      pending = build(token);
      builds.set(token, pending);
      // A refused or failed token is not remembered: asking again asks the CMS again.
      pending.then(
        (found) => found === undefined && builds.delete(token),
        () => builds.delete(token),
      );
    }
    let preview: PreviewBuild | undefined;
    try {
      preview = await pending;
    } catch {
      return page(response, 502, 'Nie udało się zbudować podglądu. Spróbuj ponownie za chwilę.');
    }
    if (!preview) {
      return page(response, 404, 'Ten podgląd wygasł albo link jest nieprawidłowy. Otwórz podgląd ponownie w panelu.');
    }
    const inner = `/${rest.join('/')}`;
    if (inner === '/') {
      response.writeHead(302, { ...NEVER_KEPT, location: `${PREFIX}${token}${preview.page}` });
      response.end();
      return;
    }
    const found = resolveFile(preview.directory, inner);
    if (!found) return page(response, 404, 'W podglądzie jest tylko ten komunikat.');
    response.writeHead(200, {
      ...NEVER_KEPT,
      'content-type': contentTypeOf(inner, found.file),
      'content-length': String(found.stats.size),
      'content-security-policy': contentSecurityPolicy(preview.hashes, { framable: true }).replace(
        'frame-ancestors *',
        `frame-ancestors ${preview.adminOrigin}`,
      ),
    });
    if (request.method === 'HEAD') response.end();
    else response.end(readFileSync(found.file));
  };
}
