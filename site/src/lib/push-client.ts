import { say, solveBotCheck } from './bot-check-client.ts';

/**
 * "Turn on notifications in this browser": asks the reader's permission, registers the site's
 * service worker, subscribes through the browser's own push service with the publisher's VAPID
 * key, and sends the subscription with the topics and language chosen in the form above (after
 * the same bot check). "Turn off" unsubscribes in the browser and at the publisher. Each outcome —
 * unsupported, refused, the push service unreachable — is said in the section's live region.
 */
export function runPushButtons(): void {
  const section = document.querySelector<HTMLElement>('[data-push-section]');
  const form = document.querySelector<HTMLFormElement>('[data-subscribe-form]');
  const on = section?.querySelector<HTMLButtonElement>('[data-push-on]');
  const off = section?.querySelector<HTMLButtonElement>('[data-push-off]');
  const status = section?.querySelector<HTMLElement>('[data-push-status]');
  if (!section || !form || !on || !off || !status) return;
  const words = section.dataset;
  const show = (subscribed: boolean) => {
    on.hidden = subscribed;
    off.hidden = !subscribed;
  };
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
    on.disabled = true;
    say(status, words.unsupported ?? '');
    return;
  }
  const worker = words.worker ?? '';
  void navigator.serviceWorker
    .getRegistration('/')
    .then((registration) => registration?.pushManager.getSubscription())
    .then((subscription) => show(Boolean(subscription)))
    .catch(() => show(false));

  on.addEventListener('click', async () => {
    on.disabled = true;
    try {
      say(status, words.working ?? '');
      if ((await Notification.requestPermission()) !== 'granted') {
        say(status, words.denied ?? '', [], true);
        return;
      }
      const registration = await navigator.serviceWorker.register(worker, { scope: '/' });
      await navigator.serviceWorker.ready;
      const { publicKey } = (await (await fetch(words.key ?? '', { cache: 'no-store' })).json()) as {
        publicKey: string;
      };
      let subscription: PushSubscription;
      try {
        subscription = await registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: fromBase64Url(publicKey),
        });
      } catch {
        say(status, words.unavailable ?? '', [], true);
        return;
      }
      const data = new FormData(form);
      const response = await fetch(words.subscribe ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          subscription: subscription.toJSON(),
          topic: data.getAll('topic').map(String),
          language: String(data.get('language') ?? ''),
          altcha: await solveBotCheck(words.challenge ?? ''),
        }),
      });
      const answer = (await response.json()) as { ok: boolean; message: string; problems?: string[] };
      say(status, answer.message, answer.problems, !answer.ok);
      if (answer.ok) show(true);
      else await subscription.unsubscribe();
    } catch {
      say(status, words.failed ?? '', [], true);
    } finally {
      on.disabled = false;
    }
  });

  off.addEventListener('click', async () => {
    off.disabled = true;
    try {
      const registration = await navigator.serviceWorker.getRegistration('/');
      const subscription = await registration?.pushManager.getSubscription();
      if (subscription) {
        const response = await fetch(words.unsubscribe ?? '', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ endpoint: subscription.endpoint }),
        });
        const answer = (await response.json()) as { message: string };
        await subscription.unsubscribe();
        say(status, answer.message);
      }
      show(false);
    } catch {
      say(status, words.failed ?? '', [], true);
    } finally {
      off.disabled = false;
    }
  });
}

/** The VAPID public key as the Push API wants it. */
function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text
    .replaceAll('-', '+')
    .replaceAll('_', '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
