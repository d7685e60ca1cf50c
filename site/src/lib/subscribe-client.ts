import { say, solveBotCheck } from './bot-check-client.ts';

/**
 * The sign-up form in the browser: a topic named in the address (`?topic=institution:…`, as the
 * institution pages link) is chosen instead of "all"; on submit the browser solves the publisher's
 * proof-of-work challenge (ALTCHA format, Web Crypto, about a second), sends the form as JSON and
 * says the answer in the form's live region. Nothing is stored in the browser.
 */
export function runSubscribeForm(): void {
  const form = document.querySelector<HTMLFormElement>('[data-subscribe-form]');
  const status = form?.querySelector<HTMLElement>('[data-subscribe-status]');
  if (!form || !status) return;
  preselectTopic(form, new URLSearchParams(location.search).get('topic'));
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    if (button) button.disabled = true;
    say(status, form.dataset.working ?? '', []);
    try {
      const altcha = await solveBotCheck(form.dataset.challenge ?? '');
      const data = new FormData(form);
      const payload = {
        email: String(data.get('email') ?? ''),
        topic: data.getAll('topic').map(String),
        language: String(data.get('language') ?? ''),
        frequency: String(data.get('frequency') ?? ''),
        altcha,
      };
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(payload),
      });
      const answer = (await response.json()) as { ok: boolean; message: string; problems: string[] };
      say(status, answer.message, answer.problems, !answer.ok);
      if (answer.ok) form.reset();
    } catch {
      say(status, form.dataset.failed ?? '', [], true);
    } finally {
      if (button) button.disabled = false;
    }
  });
}

function preselectTopic(form: HTMLFormElement, topic: string | null): void {
  if (!topic) return;
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[name=topic]')];
  const wanted = boxes.find((box) => box.value === topic);
  if (!wanted) return;
  for (const box of boxes) box.checked = box === wanted;
  for (const box of boxes) box.defaultChecked = box === wanted;
}
