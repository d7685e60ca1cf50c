import { type Challenge, createChallenge, type Solution, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

/**
 * The bot check of the sign-up form: a proof of work in the ALTCHA format (altcha-lib), solved by
 * the reader's browser in about a second, with no third party, no cookie and nothing to click.
 * A challenge is signed, expires in ten minutes and is accepted once.
 */
export interface BotCheck {
  challenge: () => Promise<Challenge>;
  /** Whether the form's `altcha` field holds a good, fresh, unused solution. */
  verify: (payload: unknown) => Promise<boolean>;
}

/** Hex digits the derived key must start with: "0000" takes 65,536 SHA-256 tries on average. */
export const DEFAULT_KEY_PREFIX = '0000';
const TTL_SECONDS = 600;

export function createBotCheck(secret: string, keyPrefix = DEFAULT_KEY_PREFIX): BotCheck {
  const used = new Map<string, number>();
  const forgetExpired = (now: number) => {
    for (const [nonce, expiresAt] of used) if (expiresAt < now) used.delete(nonce);
  };
  return {
    challenge: () =>
      createChallenge({
        algorithm: 'SHA-256',
        cost: 1,
        keyPrefix,
        deriveKey,
        hmacSignatureSecret: secret,
        expiresAt: Math.floor(Date.now() / 1000) + TTL_SECONDS,
      }),
    verify: async (payload) => {
      const decoded = decode(payload);
      if (!decoded) return false;
      const { challenge, solution } = decoded;
      // The signed parameters say what was asked: a client may not lower the difficulty.
      if (challenge.parameters.keyPrefix !== keyPrefix || challenge.parameters.algorithm !== 'SHA-256') return false;
      const result = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret: secret });
      if (!result.verified) return false;
      const nonce = challenge.parameters.nonce;
      const now = Date.now() / 1000;
      forgetExpired(now);
      if (used.has(nonce)) return false;
      used.set(nonce, challenge.parameters.expiresAt ?? now + TTL_SECONDS);
      return true;
    },
  };
}

/** The form sends base64 of `{"challenge": …, "solution": …}`, as the ALTCHA widget does. */
function decode(payload: unknown): { challenge: Challenge; solution: Solution } | undefined {
  if (typeof payload !== 'string' || payload.length > 4_000) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as {
      challenge?: Challenge;
      solution?: Solution;
    };
    if (typeof parsed?.challenge?.parameters !== 'object' || typeof parsed.solution !== 'object') return undefined;
    return { challenge: parsed.challenge, solution: parsed.solution };
  } catch {
    return undefined;
  }
}
