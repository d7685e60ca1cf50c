import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

/**
 * A real SMTP server on loopback (smtp-server) that keeps every message it accepts, parsed by
 * mailparser as a mail client would. `refuse` makes it answer 451 (try again later), as a busy
 * or broken relay does; `port` may be given to come back on the same address after a stop.
 */
export async function startMailCatcher({ port = 0, keep = true } = {}) {
  const mails: CaughtMail[] = [];
  /** Every message accepted, also when `keep` is false (a benchmark counts without parsing). */
  let accepted = 0;
  let refuse = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 2_000_000,
    // A stop cuts kept-open client connections after a second (a mail server going away).
    closeTimeout: 1_000,
    onRcptTo(_address, _session, callback) {
      if (refuse) {
        const error = new Error('try again later') as Error & { responseCode: number };
        error.responseCode = 451;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        accepted += 1;
        if (!keep) {
          callback();
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw,
          parsed: await simpleParser(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    port: bound,
    mails,
    get accepted() {
      return accepted;
    },
    /** Mails to one address, in the order they came. */
    to: (address: string) => mails.filter((mail) => mail.to.includes(address)),
    set refuse(value: boolean) {
      refuse = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type MailCatcher = Awaited<ReturnType<typeof startMailCatcher>>;
