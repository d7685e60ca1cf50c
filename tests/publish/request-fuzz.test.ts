import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tinyDeployDir } from '../support/tiny-build.ts';

const PROCESS = path.resolve(import.meta.dirname, '../support/publisher-process.ts');
const SECRET = 'fuzz-secret-0123456789abcdef';

/** Sends raw bytes (nothing a fetch client would refuse to send) and reads until the server is done. */
function rawRequest(url: string, bytes: Buffer, { abortAfterMs }: { abortAfterMs?: number } = {}) {
  const { hostname, port } = new URL(url);
  return new Promise<string>((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let answer = '';
    socket.setTimeout(2_000, () => socket.destroy());
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.write(bytes, () => {
      if (abortAfterMs !== undefined) setTimeout(() => socket.destroy(), abortAfterMs);
      else socket.end();
    });
  });
}

const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/);
const method = fc.oneof(
  fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT'),
  token,
);
const pathSegment = fc.oneof(
  fc.constantFrom(
    '',
    '..',
    '.',
    '%2e%2e',
    '%00',
    '%',
    '%zz',
    '%2F',
    'robots.txt',
    'index.html',
    'komunikaty',
    'przyklad',
    'status',
    'hooks',
    'rebuild',
    '~',
    'ą',
    '%c4%85',
    '\\..',
  ),
  fc.string({ maxLength: 12 }).map((text) => encodeURIComponent(text)),
);
const urlPath = fc.oneof(
  fc.array(pathSegment, { maxLength: 6 }).map((segments) => `/${segments.join('/')}`),
  fc.constantFrom(
    '/',
    '/status',
    '/hooks/rebuild',
    '/hooks/rebuild?force=1',
    '/robots.txt',
    '*',
    'http://x/robots.txt',
    '//etc/passwd',
    `/${'a'.repeat(5000)}`,
  ),
);
const rangeValue = fc.oneof(
  fc
    .tuple(fc.option(fc.nat({ max: 60 })), fc.option(fc.nat({ max: 60 })))
    .map(([a, b]) => `bytes=${a ?? ''}-${b ?? ''}`),
  fc.constantFrom(
    'bytes=5-1',
    'bytes=-0',
    'bytes=0-',
    'bytes=-5',
    'bytes=abc',
    'items=5-1',
    'bytes=0-1,3-4',
    'bytes=99999999999999999999-',
    'bytes==1-2',
    'bytes= -1',
    '',
  ),
  fc.string({ maxLength: 20 }).map((text) => `bytes=${text}`),
);
const headerValue = fc.string({ maxLength: 40 }).map((text) => text.replace(/[\r\n]/g, ''));
const header = fc.oneof(
  rangeValue.map((value) => `Range: ${value}`),
  fc
    .oneof(fc.nat().map(String), fc.constantFrom('-1', '1e3', 'abc', '99999999999', '0x10', ''))
    .map((value) => `Content-Length: ${value}`),
  fc.constantFrom('chunked', 'gzip, chunked', 'identity', 'bogus').map((value) => `Transfer-Encoding: ${value}`),
  fc
    .oneof(fc.constantFrom('gzip', 'br', 'deflate', '*', 'gzip;q=0', 'br;q=abc', 'zstd'), headerValue)
    .map((value) => `Accept-Encoding: ${value}`),
  headerValue.map((value) => `If-None-Match: ${value}`),
  headerValue.map((value) => `If-Range: ${value}`),
  headerValue.map((value) => `If-Modified-Since: ${value}`),
  // Fresh-looking signature headers, so the body is actually read before the HMAC fails.
  fc.constant(
    `webhook-id: ${randomUUID()}\r\nwebhook-timestamp: ${Math.floor(Date.now() / 1000)}\r\nwebhook-signature: v1,AAAA`,
  ),
  fc.tuple(token, headerValue).map(([name, value]) => `${name}: ${value}`),
);
const body = fc.oneof(fc.constant(''), fc.string({ maxLength: 200 }), fc.constant('{"event":"entry.publish"'));
const request = fc.record({
  method,
  path: urlPath,
  headers: fc.array(header, { maxLength: 6 }),
  body,
  abort: fc.boolean(),
});

describe('no single request of any shape ends the publisher', () => {
  let child: ChildProcess;
  let urls: { site: string; control: string };
  let stderr = '';
  const { deployDir } = tinyDeployDir();

  beforeAll(async () => {
    child = spawn(process.execPath, [PROCESS], {
      env: { ...process.env, SITE_REBUILD_SECRET: SECRET, TABLICA_DEPLOY_DIR: deployDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    urls = await new Promise((resolve, reject) => {
      child.stdout?.once('data', (chunk) => resolve(JSON.parse(String(chunk))));
      child.once('exit', (code) => reject(new Error(`the publisher exited (${code}): ${stderr}`)));
    });
  });
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(deployDir, { recursive: true, force: true });
  });

  const stillAnswers = async () => {
    expect(child.exitCode, stderr).toBeNull();
    expect((await fetch(`${urls.site}/robots.txt`)).status).toBe(200);
    expect((await fetch(`${urls.control}/status`)).status).toBe(200);
  };

  test.each([
    ['the static server', 'site'],
    ['the control server (rebuild requests, /status)', 'control'],
  ] as const)(
    '%s: 2,500 random requests (methods, paths, Range, Content-Length, encodings, aborted bodies)',
    async (_name, which) => {
      const samples = fc.sample(request, { numRuns: 2_500, seed: 20261202 });
      for (let i = 0; i < samples.length; i += 25) {
        await Promise.all(
          samples.slice(i, i + 25).map((sample) => {
            const head = [`${sample.method} ${sample.path} HTTP/1.1`, 'Host: 127.0.0.1', ...sample.headers];
            const length = Buffer.byteLength(sample.body);
            // An aborted body: the declared length is longer than what is sent before the cut.
            if (sample.abort) head.push(`Content-Length: ${length + 100}`);
            const bytes = Buffer.from(`${head.join('\r\n')}\r\n\r\n${sample.body}`, 'utf8');
            return rawRequest(urls[which], bytes, sample.abort ? { abortAfterMs: 5 } : {});
          }),
        );
      }
      await stillAnswers();
    },
  );

  test('the two crashes found by hand: a reversed Range, and a signed-looking body cut off mid-way', async () => {
    await rawRequest(urls.site, Buffer.from('GET /robots.txt HTTP/1.1\r\nHost: x\r\nRange: bytes=5-1\r\n\r\n'));
    const now = Math.floor(Date.now() / 1000);
    const cut = `POST /hooks/rebuild HTTP/1.1\r\nHost: x\r\nwebhook-id: ${randomUUID()}\r\nwebhook-timestamp: ${now}\r\nwebhook-signature: v1,AAAA\r\nContent-Length: 500\r\n\r\n{"event":`;
    await rawRequest(urls.control, Buffer.from(cut), { abortAfterMs: 10 });
    await stillAnswers();
  });
});
