import type http from 'node:http';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@tablica/shared';
import { escapeMarkup } from '../../src/lib/outputs/escape.ts';
import { subscriptionPaths } from '../../src/lib/subscription-paths.ts';
import type { BotCheck } from './bot-check.ts';
import { readLink, signLink } from './links.ts';
import { list, manageForm, PAGE_HEADERS, type PageContext, paragraph, postButton, renderPage } from './pages.ts';
import { parsePushSubscription } from './push.ts';
import type { RateLimit } from './rate-limit.ts';
import { parseRequest, type RequestProblem } from './request.ts';
import type { SubscriptionStore } from './store.ts';
import { SUBSCRIPTION_WORDS } from './words.ts';

export interface SubscriptionHttpOptions {
  store: SubscriptionStore;
  botCheck: BotCheck;
  secret: string;
  /** What the live site has now: its institutions (slug → name), name and home page per language. */
  site: () => { institutions: ReadonlyMap<string, string>; siteName: string; homeUrl: (language: Locale) => string };
  limits: { perClient: RateLimit; perAddress: { count: number; windowMs: number }; overall: RateLimit };
  confirmMaxAgeMs: number;
  /** A sign-up or a change was stored: the outbox has work. */
  onQueued: () => void;
  /** The client's address for the per-client limit (behind a proxy, the operator says which header). */
  clientOf: (request: http.IncomingMessage) => string;
  /** Web Push: the VAPID public key browsers subscribe with, and whether http/private endpoints are allowed (tests). */
  push: { publicKey: string; allowPrivate: boolean };
}

const MAX_BODY = 16_384;

/**
 * The subscription endpoints on the public site. Every answer about a sign-up is the same whether
 * or not the address is known, subscribed or over its limit: nobody can learn from it who
 * subscribes. Changes happen only on POST; links in mails lead to a page with a button.
 */
export function createSubscriptionHandler(options: SubscriptionHttpOptions) {
  const { store, secret } = options;

  return async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://site');
    const asked = url.searchParams.get('lang');
    const language: Locale = isLocale(asked) ? asked : DEFAULT_LOCALE;
    const words = SUBSCRIPTION_WORDS[language];
    const site = options.site();
    const context: PageContext = { language, siteName: site.siteName, homeUrl: site.homeUrl(language) };
    const wantsJson = (request.headers.accept ?? '').includes('application/json');
    const page = (status: number, title: string, body: string) => {
      response.writeHead(status, PAGE_HEADERS).end(renderPage(context, title, body));
    };
    const json = (status: number, body: unknown) => {
      response
        .writeHead(status, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        })
        .end(JSON.stringify(body));
    };
    const method = request.method ?? 'GET';
    const token = url.searchParams.get('t') ?? '';
    const self = `${url.pathname}?t=${encodeURIComponent(token)}&lang=${language}`;

    switch (url.pathname) {
      case subscriptionPaths.challenge: {
        if (method !== 'GET') return notAllowed(response, 'GET');
        return json(200, await options.botCheck.challenge());
      }

      case subscriptionPaths.signUp: {
        if (method !== 'POST') return notAllowed(response, 'POST');
        const fields = await readFields(request);
        const answer = (status: number, message: string, problems: string[] = []) =>
          wantsJson
            ? json(status, { ok: status < 300, message, problems })
            : page(
                status,
                status < 300 ? words.confirmTitle : words.signUpProblems,
                problems.length > 0
                  ? paragraph(message, 'alert') + list(problems)
                  : paragraph(message, status < 300 ? 'status' : 'alert'),
              );
        if (!fields) return answer(400, words.signUpProblems, [words.problem.address]);
        if (!options.limits.perClient.take(options.clientOf(request))) return answer(429, words.tooMany);
        if (!(await options.botCheck.verify(single(fields.altcha)))) {
          return answer(400, words.signUpProblems, [words.problem.botCheck]);
        }
        const parsed = parseRequest(fields, new Set(site.institutions.keys()));
        if (!parsed.ok) {
          return answer(
            400,
            words.signUpProblems,
            parsed.problems.map((problem: RequestProblem) => words.problem[problem]),
          );
        }
        const { request: signUp } = parsed;
        const now = Date.now();
        const { count, windowMs } = options.limits.perAddress;
        // Over a limit, the answer is the same and nothing is sent: a flood cannot mail anyone much.
        if (
          (await store.recentPendingCount(signUp.address, now - windowMs)) < count &&
          options.limits.overall.take('all', now)
        ) {
          await store.addPending(signUp, now);
          options.onQueued();
        }
        return answer(202, words.signUpSent);
      }

      case subscriptionPaths.pushKey: {
        if (method !== 'GET') return notAllowed(response, 'GET');
        return json(200, { publicKey: options.push.publicKey });
      }

      case subscriptionPaths.push: {
        if (method !== 'POST') return notAllowed(response, 'POST');
        const body = await readJson(request);
        if (!options.limits.perClient.take(options.clientOf(request)))
          return json(429, { ok: false, message: words.tooMany });
        if (!(await options.botCheck.verify(body?.altcha))) {
          return json(400, { ok: false, message: words.signUpProblems, problems: [words.problem.botCheck] });
        }
        const subscription = parsePushSubscription(body?.subscription, options.push.allowPrivate);
        const parsed = parseRequest(
          { ...(body as Record<string, string | string[]>), email: 'push@tablica.invalid' },
          new Set(site.institutions.keys()),
        );
        if (!subscription || !parsed.ok) {
          const problems = parsed.ok ? [] : parsed.problems.filter((problem) => problem !== 'address');
          return json(400, {
            ok: false,
            message: words.signUpProblems,
            problems: subscription ? problems.map((problem) => words.problem[problem]) : [words.pushUnusable],
          });
        }
        const { topics, language: chosen } = parsed.request;
        await store.addPushSubscriber({ ...subscription, topics, language: chosen }, Date.now());
        return json(201, { ok: true, message: words.pushOn });
      }

      case subscriptionPaths.pushUnsubscribe: {
        if (method !== 'POST') return notAllowed(response, 'POST');
        const body = await readJson(request);
        // Knowing the endpoint is the capability: only that browser (and its push service) does.
        if (typeof body?.endpoint === 'string') await store.deletePushSubscriber({ endpoint: body.endpoint });
        return json(200, { ok: true, message: words.pushOff });
      }

      case subscriptionPaths.confirm: {
        const pendingId = readLink(secret, 'confirm', token);
        if (method === 'GET') {
          if (!pendingId) return page(404, words.confirmTitle, paragraph(words.linkInvalid, 'alert'));
          return page(200, words.confirmTitle, paragraph(words.confirmPrompt) + postButton(self, words.confirmButton));
        }
        if (method !== 'POST') return notAllowed(response, 'GET, POST');
        request.resume();
        const subscriber = pendingId ? await store.confirm(pendingId, Date.now(), options.confirmMaxAgeMs) : undefined;
        if (!subscriber) return page(404, words.confirmTitle, paragraph(words.linkInvalid, 'alert'));
        options.onQueued();
        const manage = `${subscriptionPaths.manage}?t=${encodeURIComponent(signManage(secret, subscriber.id))}&lang=${language}`;
        return page(
          200,
          words.confirmTitle,
          `${paragraph(words.confirmed, 'status')}<p><a href="${escapeMarkup(manage)}">${escapeMarkup(words.manage)}</a></p>`,
        );
      }

      case subscriptionPaths.manage: {
        const subscriberId = readLink(secret, 'manage', token);
        const subscriber = subscriberId ? await store.subscriber(subscriberId) : undefined;
        if (!subscriber) {
          request.resume();
          return page(404, words.manageTitle, paragraph(words.linkInvalid, 'alert'));
        }
        if (method === 'GET')
          return page(200, words.manageTitle, manageForm(subscriber, self, language, site.institutions));
        if (method !== 'POST') return notAllowed(response, 'GET, POST');
        const fields = await readFields(request);
        if (single(fields?.action) === 'delete') {
          await store.deleteSubscriber(subscriber.id);
          return page(200, words.manageTitle, paragraph(words.deleted, 'status'));
        }
        const parsed = parseRequest({ ...fields, email: subscriber.address }, new Set(site.institutions.keys()));
        if (!parsed.ok) {
          return page(
            400,
            words.manageTitle,
            paragraph(words.signUpProblems, 'alert') +
              list(parsed.problems.map((problem) => words.problem[problem])) +
              manageForm(subscriber, self, language, site.institutions),
          );
        }
        const { topics, language: chosen, frequency } = parsed.request;
        await store.updateSubscriber(subscriber.id, { topics, language: chosen, frequency });
        const updated = (await store.subscriber(subscriber.id)) ?? subscriber;
        return page(
          200,
          words.manageTitle,
          paragraph(words.saved, 'status') + manageForm(updated, self, language, site.institutions),
        );
      }

      case subscriptionPaths.unsubscribe: {
        const subscriberId = readLink(secret, 'manage', token);
        if (method === 'GET') {
          if (!subscriberId || !(await store.subscriber(subscriberId))) {
            return page(404, words.unsubscribe, paragraph(words.linkInvalid, 'alert'));
          }
          return page(200, words.unsubscribe, postButton(self, words.deleteAll, '', true));
        }
        if (method !== 'POST') return notAllowed(response, 'GET, POST');
        // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click"; a person's button posts nothing.
        request.resume();
        if (subscriberId) await store.deleteSubscriber(subscriberId);
        return page(
          subscriberId ? 200 : 404,
          words.unsubscribe,
          paragraph(subscriberId ? words.deleted : words.linkInvalid),
        );
      }

      default:
        request.resume();
        return page(404, words.linkInvalid, '');
    }
  };
}

const signManage = (secret: string, id: string) => signLink(secret, 'manage', id);

function notAllowed(response: http.ServerResponse, allow: string): void {
  response.writeHead(405, { allow, 'content-type': 'text/plain', 'x-content-type-options': 'nosniff' }).end();
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A JSON object body (Web Push requests), at most 16 KB. */
async function readJson(request: http.IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) {
      request.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A form (urlencoded) or JSON body, at most 16 KB; undefined when it is neither or too long. */
async function readFields(request: http.IncomingMessage): Promise<Record<string, string | string[]> | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) {
      request.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks).toString('utf8');
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) {
    try {
      const parsed = JSON.parse(body) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
      const fields: Record<string, string | string[]> = {};
      for (const [key, value] of Object.entries(parsed)) {
        if (typeof value === 'string') fields[key] = value;
        else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) fields[key] = value;
      }
      return fields;
    } catch {
      return undefined;
    }
  }
  const params = new URLSearchParams(body);
  const fields: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    fields[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return fields;
}
