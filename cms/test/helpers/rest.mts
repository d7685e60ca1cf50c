/** Small typed helpers for talking to the CMS's REST API as residents and scripts do. */
export interface RestResponse<T = unknown> {
  status: number;
  body: T;
  text: string;
}

export async function rest<T = Record<string, unknown>>(
  base: string,
  path: string,
  { method = 'GET', token, body }: { method?: string; token?: string | undefined; body?: unknown } = {},
): Promise<RestResponse<T>> {
  const send = () =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const response = await send().catch((error: unknown) => {
    // A kept-alive connection the server closed just as it was reused: browsers resend an idempotent
    // request once on a fresh connection, and so do we (a busy 2-core CI machine hit exactly this).
    if (isIdempotent(method) && connectionWasReset(error)) return send();
    throw error;
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text for the assertion message.
  }
  return { status: response.status, body: parsed as T, text };
}

function isIdempotent(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

function connectionWasReset(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  return cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET';
}

/** Every key anywhere in a JSON value, for "this must never appear" assertions. */
export function allKeys(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) allKeys(item, keys);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      keys.add(key);
      allKeys(item, keys);
    }
  }
  return keys;
}
