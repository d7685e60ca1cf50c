import { type Challenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';

/**
 * The browser's side of the sign-up's bot check: fetch the publisher's proof-of-work challenge,
 * solve it with Web Crypto (about a second), and give the payload the endpoints expect.
 */
export async function solveBotCheck(challengeUrl: string): Promise<string> {
  const challenge = (await (await fetch(challengeUrl, { cache: 'no-store' })).json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('no solution');
  return btoa(JSON.stringify({ challenge, solution }));
}

/** Says an answer in a live region: a sentence, and the fields to fix as a list. */
export function say(status: HTMLElement, message: string, problems: string[] = [], alert = false): void {
  status.replaceChildren();
  status.classList.toggle('subscribe-problem', alert);
  const paragraph = document.createElement('p');
  paragraph.textContent = message;
  status.append(paragraph);
  if (problems.length > 0) {
    const list = document.createElement('ul');
    for (const problem of problems) {
      const item = document.createElement('li');
      item.textContent = problem;
      list.append(item);
    }
    status.append(list);
  }
}
