import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { subscriptionPaths } from '../../site/src/lib/subscription-paths.ts';
import { startMailCatcher } from '../support/mail-catcher.ts';
import {
  confirmFrom,
  demoReport,
  linkIn,
  type RunningSubscriptions,
  settled,
  signUp,
  solvedBotCheck,
  startSubscriptions,
  waitFor,
  withNotice,
} from './subscription-support.ts';

const running: RunningSubscriptions[] = [];
afterEach(async () => {
  for (const instance of running.splice(0)) await instance.stop();
});
const start = async (...args: Parameters<typeof startSubscriptions>) => {
  const instance = await startSubscriptions(...args);
  running.push(instance);
  return instance;
};

/** Signs up and confirms, as a resident does; returns the confirmation mail. */
async function subscribe(
  run: RunningSubscriptions,
  email: string,
  fields: { topic?: string[]; language?: string; frequency?: string } = {},
) {
  const before = run.mail.to(email).length;
  expect((await signUp(run.server.url, { email, ...fields })).status).toBe(202);
  const mail = await waitFor(() => run.mail.to(email)[before]);
  const confirmed = await confirmFrom(run.server.url, mail.parsed.text ?? '');
  expect(confirmed.status).toBe(200);
  return mail;
}

const HOUR = 3_600_000;
const SUBSCRIBERS = path.resolve(import.meta.dirname, '../../site/publisher/subscribers.ts');

/** A header as it is in the message (unfolded), as a mail client reads it. */
function rawHeader(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, ' ') ?? '';
  const line = head.split(/\r?\n/).find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}

describe('e-mail subscriptions: sign-up, confirmation, delivery', () => {
  test('sign up → one confirmation mail in the reader’s language → the button confirms (opening the link alone changes nothing) → a new notice of the followed institution comes once, with one-click unsubscribe', async () => {
    const run = await start();
    const email = 'mieszkanka@example.org';
    const answer = await signUp(run.server.url, { email, topic: ['institution:pwik-brzozow'], language: 'en' });
    expect(answer).toMatchObject({ status: 202, body: { ok: true } });
    const confirmation = await waitFor(() => run.mail.to(email)[0]);
    expect(confirmation.parsed.subject).toBe('Confirm your notifications — Tablica — komunikaty dla mieszkańców');
    expect(confirmation.parsed.text).toContain('Przedsiębiorstwo Wodociągów i Kanalizacji w Brzozowie Śląskim');
    expect(confirmation.parsed.html).toContain('<a href="https://tablica.example.org/api/subscriptions/confirm?');

    // Mail scanners open every link: the page only shows a button, and nothing is confirmed by it.
    const link = linkIn(confirmation.parsed.text ?? '', subscriptionPaths.confirm);
    expect((await fetch(`${run.server.url}${link}`)).status).toBe(200);
    expect((await run.subscriptions.status()).subscribers).toBe(0);
    const confirmed = await confirmFrom(run.server.url, confirmation.parsed.text ?? '');
    expect(confirmed.html).toContain('Confirmed.');
    expect((await run.subscriptions.status()).subscribers).toBe(1);
    // The link works once.
    expect((await fetch(`${run.server.url}${link}`, { method: 'POST' })).status).toBe(404);

    const withNew = withNotice(demoReport(), {
      slug: 'przerwa-w-dostawie-wody-ul-polna',
      title: 'Przerwa w dostawie wody na ul. Polnej',
      summary: 'W czwartek od 8:00 do 14:00 nie będzie wody. Beczkowóz stoi przy szkole.',
    });
    const otherInstitution = withNotice(
      withNew,
      { slug: 'biblioteka-zamknieta-w-piatek', title: 'Biblioteka zamknięta w piątek' },
      'mbp-brzozow',
    );
    expect(await run.subscriptions.liveBuild(otherInstitution)).toBe(1);
    const notice = await waitFor(() => run.mail.to(email)[1]);
    await settled(run);
    // The same build again (a restart, a second publisher): nothing more.
    expect(await run.subscriptions.liveBuild(otherInstitution)).toBe(0);
    await settled(run);
    expect(run.mail.to(email)).toHaveLength(2);

    const { parsed } = notice;
    expect(parsed.subject).toBe('Przerwa w dostawie wody na ul. Polnej');
    expect(parsed.text).toContain('This notice has not been translated yet; the original follows.');
    expect(parsed.text).toContain('https://tablica.example.org/komunikaty/przerwa-w-dostawie-wody-ul-polna/');
    expect(parsed.html).toContain('lang="pl"');
    expect(rawHeader(notice.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = rawHeader(notice.raw, 'List-Unsubscribe');
    expect(unsubscribe).toMatch(/^<https:\/\/tablica\.example\.org\/api\/subscriptions\/unsubscribe\?t=[^>]+>$/);
    expect(parsed.text).toContain('https://tablica.example.org/api/subscriptions/manage?t=');
  });

  test('one-click unsubscribe (RFC 8058: the mail client POSTs) deletes the address at once; nothing more comes', async () => {
    const run = await start();
    const email = 'wypisz@example.org';
    await subscribe(run, email);
    await run.subscriptions.liveBuild(
      withNotice(demoReport(), { slug: 'nowy-komunikat-pierwszy', title: 'Pierwszy nowy komunikat' }),
    );
    const mail = await waitFor(() => run.mail.to(email)[1]);
    const target = rawHeader(mail.raw, 'List-Unsubscribe')
      .slice(1, -1)
      .replace('https://tablica.example.org', run.server.url);
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    expect(await run.subscriptions.store.exportAddress(email)).toEqual({ subscriber: null, pendingSignUps: [] });
    await run.subscriptions.liveBuild(
      withNotice(demoReport(), { slug: 'nowy-komunikat-drugi', title: 'Drugi nowy komunikat' }),
    );
    await settled(run);
    expect(run.mail.to(email)).toHaveLength(2);
  });

  test('the manage page changes topics, language and frequency, and deletes everything on request', async () => {
    const run = await start();
    const email = 'zmiany@example.org';
    await subscribe(run, email);
    await run.subscriptions.liveBuild(
      withNotice(demoReport(), { slug: 'komunikat-do-zmiany', title: 'Komunikat przed zmianą ustawień' }),
    );
    const first = await waitFor(() => run.mail.to(email)[1]);
    const manage = linkIn(first.parsed.text ?? '', subscriptionPaths.manage);
    const page = await (await fetch(`${run.server.url}${manage}`)).text();
    expect(page).toContain('value="all" checked');
    const saved = await fetch(`${run.server.url}${manage}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=save&topic=category%3Ahealth&language=uk&frequency=daily',
    });
    expect(saved.status).toBe(200);
    expect(await run.subscriptions.store.subscriberByAddress(email)).toMatchObject({
      topics: ['category:health'],
      language: 'uk',
      frequency: 'daily',
    });
    const refused = await fetch(`${run.server.url}${manage}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=save&topic=institution%3Anie-istnieje&language=uk&frequency=daily',
    });
    expect(refused.status).toBe(400);
    // The page speaks the language its link was sent in (Polish, when the subscriber signed up).
    expect(await refused.text()).toContain('Tematy: wybierz co najmniej jeden z listy.');
    const deleted = await fetch(`${run.server.url}${manage}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=delete',
    });
    expect(await deleted.text()).toContain('Twój adres został usunięty');
    expect(await run.subscriptions.store.subscriberByAddress(email)).toBeUndefined();
    expect((await fetch(`${run.server.url}${manage}`)).status).toBe(404);
  });

  test('a reader in Ukrainian gets the Ukrainian text when it is of this version, the original otherwise; a daily reader gets one summary at 7:00', async () => {
    const run = await start();
    await subscribe(run, 'ukr@example.org', { language: 'uk' });
    await subscribe(run, 'rano@example.org', { frequency: 'daily' });
    const polish = { slug: 'nowy-z-tlumaczeniem', title: 'Komunikat przetłumaczony na ukraiński' };
    let report = withNotice(demoReport(), polish);
    report = withNotice(report, {
      ...polish,
      locale: 'uk',
      title: 'Повідомлення, перекладене українською',
      summary: 'Короткий зміст українською.',
    });
    report = withNotice(report, { slug: 'drugi-tego-dnia', title: 'Drugi komunikat tego dnia' });
    expect(await run.subscriptions.liveBuild(report)).toBe(4);
    await waitFor(() => run.mail.to('ukr@example.org').length === 3);
    const subjects = run.mail
      .to('ukr@example.org')
      .slice(1)
      .map((mail) => mail.parsed.subject);
    expect(subjects).toEqual(
      expect.arrayContaining(['Повідомлення, перекладене українською', 'Drugi komunikat tego dnia']),
    );
    const ukrainian = run.mail.to('ukr@example.org').find((mail) => mail.parsed.subject?.startsWith('Повідомлення'));
    expect(ukrainian?.parsed.text).toContain('https://tablica.example.org/uk/notices/nowy-z-tlumaczeniem/');
    expect(ukrainian?.parsed.text).not.toContain('ще не перекладено');

    // Nothing for the daily reader until the summary hour; then one mail with both.
    await settled(run);
    expect(run.mail.to('rano@example.org')).toHaveLength(1);
    run.advance(25 * HOUR);
    const digest = await waitFor(() => run.mail.to('rano@example.org')[1]);
    expect(digest.parsed.subject).toBe('Tablica — komunikaty dla mieszkańców: 2 komunikaty z ostatniej doby');
    expect(digest.parsed.text).toContain('Komunikat przetłumaczony na ukraiński');
    expect(digest.parsed.text).toContain('Drugi komunikat tego dnia');
    await settled(run);
    expect(run.mail.to('rano@example.org')).toHaveLength(2);
  });

  test('a change readers must hear of is sent as an update, an extension or a lifting; a correction that keeps the version is not sent', async () => {
    const run = await start();
    const email = 'zmiany-komunikatu@example.org';
    await subscribe(run, email);
    const slug = 'zmieniany-komunikat';
    const until = new Date(Date.now() + 5 * 24 * HOUR).toISOString();
    const v1 = { slug, title: 'Zamknięta pływalnia miejska', effectiveUntil: until };
    await run.subscriptions.liveBuild(withNotice(demoReport(), v1));
    await waitFor(() => run.mail.to(email)[1]);
    // A typo corrected: the CMS keeps the revision, so the version is the same.
    await run.subscriptions.liveBuild(
      withNotice(demoReport(), { ...v1, summary: 'Poprawiona literówka w streszczeniu.' }),
    );
    await settled(run);
    expect(run.mail.to(email)).toHaveLength(2);
    const published = [{ revision: 1, sent: new Date().toISOString(), notice: { effectiveUntil: until } }];
    const later = new Date(Date.now() + 12 * 24 * HOUR).toISOString();
    await run.subscriptions.liveBuild(
      withNotice(demoReport(), {
        ...v1,
        revision: 2,
        effectiveUntil: later,
        publications: published,
        updates: [{ at: new Date().toISOString(), text: 'Przedłużono zamknięcie o tydzień.' }],
      }),
    );
    const extension = await waitFor(() => run.mail.to(email)[2]);
    expect(extension.parsed.subject).toBe('Przedłużono: Zamknięta pływalnia miejska');
    expect(extension.parsed.text).toContain('Przedłużono zamknięcie o tydzień.');
    await run.subscriptions.liveBuild(
      withNotice(demoReport(), { ...v1, revision: 3, effectiveUntil: later, liftedAt: new Date().toISOString() }),
    );
    const lift = await waitFor(() => run.mail.to(email)[3]);
    expect(lift.parsed.subject).toBe('Odwołano: Zamknięta pływalnia miejska');
  });
});

describe('e-mail subscriptions: what they refuse', () => {
  test.each([
    ['no at sign', 'mieszkanka.example.org'],
    ['two addresses', 'a@example.org, b@example.org'],
    ['a display name', 'Jan <jan@example.org>'],
    ['a header smuggled after a line break', 'jan@example.org\r\nBcc: all@example.org'],
    ['a space', 'jan kowalski@example.org'],
    ['no dot in the domain', 'jan@localhost'],
    ['quotes', '"jan"@example.org'],
    ['too long', `${'a'.repeat(65)}@example.org`],
  ])('an address with %s is refused, naming the field; no mail goes anywhere', async (_case, email) => {
    const run = await start();
    const answer = await signUp(run.server.url, { email });
    expect(answer.status).toBe(400);
    expect(answer.body.problems).toEqual(['Adres e-mail: wpisz jeden adres w postaci nazwa@domena.pl.']);
    await settled(run);
    expect(run.mail.mails).toHaveLength(0);
  });

  test('an exercise or a test reaches no resident; the same notice made real is sent as news', async () => {
    const run = await start();
    const email = 'cwiczenia@example.org';
    await subscribe(run, email);
    const exercise = { slug: 'cwiczenia-ewakuacja-szkoly', title: 'Ewakuacja Szkoły Podstawowej nr 2' };
    expect(
      await run.subscriptions.liveBuild(withNotice(demoReport(), { ...exercise, messageStatus: 'exercise' })),
    ).toBe(0);
    expect(await run.subscriptions.liveBuild(withNotice(demoReport(), { ...exercise, messageStatus: 'test' }))).toBe(0);
    await settled(run);
    expect(run.mail.to(email)).toHaveLength(1);
    // Made real, it is a new version residents must hear of.
    const real = withNotice(demoReport(), { ...exercise, messageStatus: 'actual', revision: 2 });
    expect(await run.subscriptions.liveBuild(real)).toBe(1);
    const mail = await waitFor(() => run.mail.to(email)[1]);
    expect(mail.parsed.subject).toContain('Ewakuacja Szkoły Podstawowej nr 2');
    expect(mail.parsed.subject).not.toContain('ĆWICZENIA');
  });

  test('unknown topics, languages and frequencies are refused by name, in the reader’s language', async () => {
    const run = await start();
    const answer = await signUp(run.server.url, {
      email: 'ok@example.org',
      topic: ['institution:nie-ma-takiej'],
      language: 'de',
      frequency: 'hourly',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.problems).toEqual([
      'Tematy: wybierz co najmniej jeden z listy.',
      'Język: wybierz jeden z listy.',
      'Częstotliwość: wybierz „od razu” albo „raz dziennie”.',
    ]);
  });

  test('the bot check: no solution, a forged one, a reused one, or an easier one than asked are refused', async () => {
    const run = await start();
    const botProblem = 'Sprawdzenie, że nie jesteś automatem, nie powiodło się. Odśwież stronę i spróbuj ponownie.';
    for (const altcha of [
      '',
      'bm90IGpzb24=',
      Buffer.from('{"challenge":{"parameters":{}},"solution":{}}').toString('base64'),
    ]) {
      const answer = await signUp(run.server.url, { email: 'bot@example.org' }, { altcha });
      expect(answer).toMatchObject({ status: 400, body: { problems: [botProblem] } });
    }
    const solved = await solvedBotCheck(run.server.url);
    expect((await signUp(run.server.url, { email: 'human@example.org' }, { altcha: solved })).status).toBe(202);
    expect((await signUp(run.server.url, { email: 'again@example.org' }, { altcha: solved })).status).toBe(400);
    // A solution to an easier challenge signed by someone else, or with the prefix edited: refused.
    const decoded = JSON.parse(Buffer.from(await solvedBotCheck(run.server.url), 'base64').toString()) as {
      challenge: { parameters: { keyPrefix: string } };
    };
    decoded.challenge.parameters.keyPrefix = '0';
    const easier = Buffer.from(JSON.stringify(decoded)).toString('base64');
    expect((await signUp(run.server.url, { email: 'cheat@example.org' }, { altcha: easier })).status).toBe(400);
  });

  test('the answer is the same for a new, a pending and a subscribed address, and over the per-address limit nothing more is sent', async () => {
    const run = await start();
    await subscribe(run, 'znana@example.org');
    const answers = [];
    for (const email of [
      'nowa@example.org',
      'znana@example.org',
      'nowa@example.org',
      'nowa@example.org',
      'nowa@example.org',
      'nowa@example.org',
    ]) {
      answers.push(await signUp(run.server.url, { email }));
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    await settled(run);
    // Three sign-ups an hour per address: the fourth and fifth for nowa@ send nothing.
    expect(run.mail.to('nowa@example.org')).toHaveLength(3);
    expect(run.mail.to('znana@example.org')).toHaveLength(2);
  });

  test('a flood from one client is stopped after ten sign-ups an hour; other clients go on', async () => {
    const run = await start();
    const statuses = [];
    for (let index = 0; index < 12; index += 1) {
      statuses.push(
        (await signUp(run.server.url, { email: `flood${index}@example.org` }, { client: '203.0.113.9' })).status,
      );
    }
    expect(statuses.filter((status) => status === 202)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect((await signUp(run.server.url, { email: 'other@example.org' }, { client: '203.0.113.10' })).status).toBe(202);
  });

  test('a flood that writes another address into X-Forwarded-For each time is stopped all the same', async () => {
    const run = await start();
    const statuses = [];
    for (let index = 0; index < 12; index += 1) {
      // What reaches the publisher: the address the flood wrote, then the one its proxy saw.
      const client = `198.51.100.${index + 1}, 203.0.113.9`;
      statuses.push((await signUp(run.server.url, { email: `spoof${index}@example.org` }, { client })).status);
    }
    expect(statuses.filter((status) => status === 202)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  test('hostile notice content stays text in the HTML part and one line in the subject, in every language', async () => {
    const run = await start();
    for (const language of ['pl', 'en', 'uk']) await subscribe(run, `${language}@example.org`, { language });
    const hostile = '<img src=x onerror=alert(1)> & "Bcc: all@example.org"';
    let report = withNotice(demoReport(), {
      slug: 'wrogi-komunikat',
      title: `Tytuł ${hostile}`,
      summary: `Treść ${hostile}`,
    });
    for (const locale of ['en', 'uk']) {
      report = withNotice(report, {
        slug: 'wrogi-komunikat',
        locale,
        title: `Title ${hostile}`,
        summary: `Body ${hostile}`,
      });
    }
    await run.subscriptions.liveBuild(report);
    for (const language of ['pl', 'en', 'uk']) {
      const mail = await waitFor(() => run.mail.to(`${language}@example.org`)[1]);
      expect(mail.parsed.html).not.toContain('<img');
      expect(mail.parsed.html).toContain('&#60;img src=x onerror=alert(1)&#62;');
      expect(mail.parsed.headers.has('bcc')).toBe(false);
      expect(mail.parsed.text).toContain('<img src=x onerror=alert(1)>');
    }
  });
});

describe('e-mail subscriptions: delivery that survives failures', () => {
  test('an SMTP server refusing (451) and then gone: mails wait and retry with growing pauses; once it is back, each is delivered once', async () => {
    const run = await start();
    const email = 'cierpliwa@example.org';
    await subscribe(run, email);
    run.mail.refuse = true;
    await run.subscriptions.liveBuild(
      withNotice(demoReport(), { slug: 'w-czasie-awarii-poczty', title: 'Komunikat w czasie awarii poczty' }),
    );
    await waitFor(() => run.log.find((line) => line.includes('not accepted')));
    await settled(run);
    expect(await run.subscriptions.status()).toMatchObject({ queued: 1, sent: 0 });
    // Too early for the retry: nothing is tried.
    run.advance(10_000);
    await settled(run);
    expect(run.log.filter((line) => line.includes('not accepted'))).toHaveLength(1);
    // Then the server is gone altogether: the next try cannot connect; a new notice is still
    // queued at once (publishing never waits for mail).
    await run.mail.close();
    run.advance(30_000);
    await waitFor(() => run.log.filter((line) => line.includes('not accepted')).length === 2);
    expect(run.log.at(-1)).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    expect(
      await run.subscriptions.liveBuild(
        withNotice(demoReport(), { slug: 'gdy-poczty-nie-ma', title: 'Komunikat, gdy serwera poczty nie ma' }),
      ),
    ).toBe(1);
    await settled(run);
    expect(await run.subscriptions.status()).toMatchObject({ queued: 2, sent: 0 });
    // Back on the same address: both arrive, once each.
    const back = await startMailCatcher({ port: run.mail.port });
    try {
      run.advance(3_600_000);
      await waitFor(() => back.to(email).length === 2);
      run.advance(3_600_000);
      await settled(run);
      expect(
        back
          .to(email)
          .map((mail) => mail.parsed.subject)
          .sort(),
      ).toEqual(['Komunikat w czasie awarii poczty', 'Komunikat, gdy serwera poczty nie ma']);
      expect(await run.subscriptions.status()).toMatchObject({ queued: 0, sent: 2 });
    } finally {
      await back.close();
    }
  });

  test('two workers on one outbox, 500 subscribers: exactly 500 mails, none twice — also when a worker dies holding a batch', async () => {
    const run = await start();
    const store = run.subscriptions.store;
    // The service's own worker stays out of it: these two (and the dead one) are the workers here.
    await run.subscriptions.deliverer.stop();
    // 500 confirmed subscribers, as the confirmation does it.
    for (let index = 0; index < 500; index += 1) {
      await store.addPending(
        { address: `m${index}@example.org`, topics: ['all'], language: 'pl', frequency: 'immediate' },
        Date.now(),
      );
    }
    const { SqliteSubscriptionStore } = await import('../../site/publisher/subscriptions/sqlite-store.ts');
    const second = new SqliteSubscriptionStore(path.join(run.directory, 'subscriptions.db'));
    try {
      // Confirm them all without mailing: the confirmations are not what this test counts.
      const pending = await second.claimConfirmations(Date.now() + 1, 600_000, 1_000);
      for (const row of pending) {
        await second.confirmationSent(row.id, Date.now());
        await second.confirm(row.id, Date.now(), 3_600_000);
      }
      expect((await store.counts()).subscribers).toBe(500);
      // A worker that claims 120 deliveries and dies without sending them.
      await run.subscriptions.liveBuild(
        withNotice(demoReport(), { slug: 'do-pieciuset', title: 'Komunikat dla pięciuset osób' }),
      );
      const dead = await second.claimDeliveries('dead-worker', Date.now(), 120_000, 120);
      expect(dead).toHaveLength(120);
      // Two live workers on the same file (two publishers), draining together.
      const { Deliverer } = await import('../../site/publisher/subscriptions/deliverer.ts');
      const { createMailer } = await import('../../site/publisher/subscriptions/mailer.ts');
      const mailer = createMailer({ smtpUrl: run.mail.url, from: 'powiadomienia@tablica.example.org' });
      const makeWorker = (workerStore: typeof store) =>
        new Deliverer({
          store: workerStore,
          send: mailer.send,
          linksFor: () => ({ unsubscribe: 'https://tablica.example.org/u', manage: 'https://tablica.example.org/m' }),
          confirmUrl: () => 'https://tablica.example.org/c',
          describeSignUp: async () => ({ siteName: 'Tablica', topics: [] }),
          confirmHours: 48,
          siteHost: 'tablica.example.org',
          log: () => {},
          batchSize: 50,
          // After the dead worker's claim has lapsed.
          now: () => Date.now() + 130_000,
        });
      const workers = [makeWorker(store), makeWorker(second)];
      for (const worker of workers) worker.poke();
      await waitFor(
        () => run.mail.mails.filter((mail) => mail.parsed.subject === 'Komunikat dla pięciuset osób').length >= 500,
        60_000,
      );
      await Promise.all(workers.map((worker) => worker.idle()));
      mailer.close();
      const received = run.mail.mails.filter((mail) => mail.parsed.subject === 'Komunikat dla pięciuset osób');
      expect(received).toHaveLength(500);
      expect(new Set(received.flatMap((mail) => mail.to)).size).toBe(500);
      expect(await store.counts()).toMatchObject({ queued: 0, sent: 500 });
    } finally {
      await second.close();
    }
  });

  test('an unconfirmed sign-up is forgotten after 48 hours, and its link then leads nowhere', async () => {
    const run = await start();
    const email = 'zapomniana@example.org';
    await signUp(run.server.url, { email });
    const mail = await waitFor(() => run.mail.to(email)[0]);
    expect((await run.subscriptions.store.exportAddress(email)).pendingSignUps).toHaveLength(1);
    expect(await run.subscriptions.store.forgetUnconfirmed(Date.now() + 49 * HOUR, 48 * HOUR)).toBe(1);
    expect(await run.subscriptions.store.exportAddress(email)).toEqual({ subscriber: null, pendingSignUps: [] });
    expect((await confirmFrom(run.server.url, mail.parsed.text ?? '')).status).toBe(404);
  });

  test('an operator exports and erases an address on a person’s request (npm run subscribers -w site)', async () => {
    const run = await start();
    const email = 'wniosek.rodo@example.org';
    await subscribe(run, email, { topic: ['institution:mbp-brzozow'], language: 'uk' });
    const command = (...args: string[]) =>
      spawnSync(process.execPath, [SUBSCRIBERS, ...args], {
        env: { ...process.env, TABLICA_SUBSCRIPTIONS_DB: path.join(run.directory, 'subscriptions.db') },
        encoding: 'utf8',
      });
    const exported = command('export', 'Wniosek.RODO@example.org');
    expect(exported.status, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({
      address: email,
      subscriber: { address: email, topics: ['institution:mbp-brzozow'], language: 'uk', frequency: 'immediate' },
      pendingSignUps: [],
    });
    // What is kept is exactly this: no client address, no user agent, no history of mails.
    expect(Object.keys(JSON.parse(exported.stdout).subscriber).sort()).toEqual(
      ['address', 'consentedAt', 'frequency', 'id', 'language', 'topics'].sort(),
    );
    expect(command('delete', email).stdout).toContain('erased');
    expect(await run.subscriptions.store.subscriberByAddress(email)).toBeUndefined();
    expect(command('count').stdout).toContain('"subscribers": 0');

    // A browser's push subscription is erased by its endpoint, the only thing that identifies it.
    const endpoint = 'https://push.example.net/send/abc123';
    await run.subscriptions.store.addPushSubscriber(
      { endpoint, p256dh: 'key', auth: 'auth', language: 'pl', topics: ['all'] },
      Date.now(),
    );
    expect(command('delete-push', endpoint).stdout).toContain('erased');
    expect((await run.subscriptions.status()).pushSubscribers).toBe(0);
    expect(command('delete-push', endpoint).stdout).toContain('no push subscription');
  });

  test('no address appears in the log, in the status, or in any error — even when SMTP fails', async () => {
    const run = await start();
    const email = 'prywatna.osoba@example.org';
    await subscribe(run, email);
    run.mail.refuse = true;
    await run.subscriptions.liveBuild(
      withNotice(demoReport(), { slug: 'prywatnosc', title: 'Komunikat o prywatności' }),
    );
    await waitFor(() => run.log.find((line) => line.includes('not accepted')));
    await signUp(run.server.url, { email: 'druga.osoba@example.org' });
    await settled(run);
    const everything = [...run.log, JSON.stringify(await run.subscriptions.status())].join('\n');
    expect(everything).not.toContain('@example.org');
    expect(everything).not.toContain('prywatna');
    // The database file is the only place: no other file in the subscriptions' directory has it.
    for (const name of readdirSync(run.directory).filter((file) => !file.startsWith('subscriptions.db'))) {
      expect(readFileSync(path.join(run.directory, name), 'utf8')).not.toContain(email);
    }
  });
});
