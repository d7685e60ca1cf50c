import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

/** A message received in full whose answer the server holds back (see `holdClient`). */
interface HeldMail {
  sessionId: string;
  to: string[];
  accept: () => void;
}

/**
 * A real SMTP server on loopback (smtp-server) that keeps every message it accepts, parsed by
 * mailparser as a mail client would. `refuse` makes it answer 451 (try again later), as a busy
 * or broken relay does; `port` may be given to come back on the same address after a stop.
 *
 * `holdClient` names a client (by the name it greets with, EHLO): its messages are received in
 * full but not answered, as a slow server does. If that client goes away meanwhile, they are
 * dropped unaccepted, as every mail server does with a message it never said 250 to.
 */
export async function startMailCatcher({ port = 0, keep = true } = {}) {
  const mails: CaughtMail[] = [];
  /** Every message accepted, also when `keep` is false (a benchmark counts without parsing). */
  let accepted = 0;
  let refuse = false;
  let holdClient: string | undefined;
  const held: HeldMail[] = [];
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
    onClose(session) {
      for (let index = held.length - 1; index >= 0; index -= 1) {
        if (held[index]?.sessionId === session.id) held.splice(index, 1);
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((recipient) => recipient.address);
        const accept = () => void keepMail(chunks, to, callback);
        if (holdClient !== undefined && session.hostNameAppearsAs === holdClient) {
          held.push({ sessionId: session.id, to, accept });
          return;
        }
        accept();
      });
    },
  });
  async function keepMail(chunks: Buffer[], to: string[], callback: () => void) {
    accepted += 1;
    if (keep) {
      const raw = Buffer.concat(chunks).toString('utf8');
      mails.push({ to, raw, parsed: await simpleParser(raw) });
    }
    callback();
  }
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
    /** Holds back the answers to this client's messages (undefined: answer everyone again). */
    set holdClient(name: string | undefined) {
      holdClient = name;
    },
    /** The addresses of messages received and not yet answered (still held, client still there). */
    get held() {
      return held.flatMap((mail) => mail.to);
    },
    /** Answers every held message: accepted now. */
    releaseHeld: () => {
      for (const mail of held.splice(0)) mail.accept();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type MailCatcher = Awaited<ReturnType<typeof startMailCatcher>>;
