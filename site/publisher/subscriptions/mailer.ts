import nodemailer from 'nodemailer';
import type { Mail } from './compose.ts';

/** Sends one composed mail to one address; rejects when the SMTP server did not accept it. */
export type SendMail = (to: string, mail: Mail) => Promise<void>;

export interface MailerOptions {
  /** `smtp://host:port` or `smtps://user:password@host:port` (nodemailer's URL form). */
  smtpUrl: string;
  /** The From header: `"Name" <address>`. */
  from: string;
}

const POOL = {
  pool: true,
  maxConnections: 4,
  maxMessages: 1_000,
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
};

/**
 * SMTP through nodemailer with a small connection pool (a large mailing is many messages over a
 * few kept-open connections) and short timeouts, so that a server that hangs fails a try — the
 * outbox retries it later — instead of holding the worker.
 */
export function createMailer({ smtpUrl, from }: MailerOptions): { send: SendMail; close: () => void } {
  const url = new URL(smtpUrl);
  // nodemailer reads transport options from the URL's query; an operator's own values win.
  for (const [key, value] of Object.entries(POOL)) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, String(value));
  }
  const transport = nodemailer.createTransport(url.href);
  return {
    send: async (to, mail) => {
      await transport.sendMail({
        from,
        to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
        // A bounce goes to the sender, not to whoever the content names.
        envelope: { from: addressOf(from), to },
      });
    },
    close: () => transport.close(),
  };
}

const addressOf = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from;
