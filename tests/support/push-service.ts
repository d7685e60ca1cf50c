import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A push service on loopback, as a browser vendor runs one (RFC 8030): it accepts a push message
 * for a subscription it issued, checks the sender's VAPID token (RFC 8292: an ES256 JWT for this
 * origin, at most 24 hours valid, signed by the key in `k=`), and — standing in for the browser,
 * which holds the subscription's private key — decrypts the aes128gcm payload (RFC 8291). Every
 * message is kept with what was found wrong with it, so a test asserts both.
 */
export interface PushedMessage {
  subscription: string;
  headers: http.IncomingHttpHeaders;
  /** The decrypted payload, parsed as JSON. */
  payload: unknown;
  /** What the service found wrong (an empty list for a good message). */
  problems: string[];
}

export interface TestSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export async function startPushService() {
  const browsers = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
  const received: PushedMessage[] = [];
  let answer = 201;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const id = /^\/push\/([\w-]+)$/.exec(request.url ?? '')?.[1] ?? '';
      const browser = browsers.get(id);
      if (!browser || request.method !== 'POST') {
        response.writeHead(404).end();
        return;
      }
      const problems: string[] = [];
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      problems.push(...checkVapid(String(request.headers.authorization ?? ''), origin));
      if (request.headers['content-encoding'] !== 'aes128gcm') problems.push('content-encoding is not aes128gcm');
      if (!/^\d+$/.test(String(request.headers.ttl ?? ''))) problems.push('no TTL');
      let payload: unknown;
      try {
        payload = JSON.parse(decrypt(Buffer.concat(chunks), browser.ecdh, browser.auth).toString('utf8'));
      } catch (error) {
        problems.push(`cannot decrypt: ${(error as Error).message}`);
      }
      received.push({ subscription: id, headers: request.headers, payload, problems });
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    /** What the service answers from now on (201 accepted, 410 gone, 500…). */
    set answer(status: number) {
      answer = status;
    },
    /** A new subscription, as PushManager.subscribe() gives a page. */
    subscribe(id = randomBytes(8).toString('hex')): TestSubscription {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      browsers.set(id, { ecdh, auth });
      return {
        endpoint: `${url}/push/${id}`,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** RFC 8292: `vapid t=<JWT>, k=<public key>`; the JWT is ES256, for this origin, not too long-lived. */
function checkVapid(authorization: string, origin: string): string[] {
  const token = /\bt=([^,\s]+)/.exec(authorization)?.[1];
  const key = /\bk=([^,\s]+)/.exec(authorization)?.[1];
  if (!authorization.startsWith('vapid ') || !token || !key) return ['no VAPID authorization'];
  const [header, claims, signature] = token.split('.');
  if (!header || !claims || !signature) return ['the VAPID token is not a JWT'];
  const raw = Buffer.from(key, 'base64url');
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const problems: string[] = [];
  const good = verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!good) problems.push('the VAPID signature does not verify');
  const { alg } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string };
  if (alg !== 'ES256') problems.push(`VAPID alg ${alg}`);
  const { aud, exp, sub } = JSON.parse(Buffer.from(claims, 'base64url').toString()) as {
    aud?: string;
    exp?: number;
    sub?: string;
  };
  if (aud !== origin) problems.push(`VAPID aud ${aud} is not ${origin}`);
  const now = Date.now() / 1000;
  if (!exp || exp < now || exp > now + 24 * 3600 + 60) problems.push('VAPID exp out of range');
  if (!sub || !/^(mailto:|https:)/.test(sub)) problems.push('VAPID sub is not a contact');
  return problems;
}

/** RFC 8291 (aes128gcm, RFC 8188): the user agent's side. */
function decrypt(body: Buffer, ecdh: ReturnType<typeof createECDH>, auth: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const senderPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const shared = ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), senderPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then any zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error('no last-record delimiter');
  return padded.subarray(0, end);
}
