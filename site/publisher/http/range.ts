/**
 * The Range header (RFC 9110 §14), read strictly before any file is touched. Only one
 * `bytes=` range is honoured; anything else — another unit, several ranges, a malformed or
 * reversed range — is ignored and the whole body is sent, which the RFC allows. A well-formed
 * range that lies wholly past the end of the file is unsatisfiable (416).
 */
export type RangeRequest = { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

const SINGLE_BYTE_RANGE = /^bytes[ \t]*=[ \t]*(\d*)-(\d*)[ \t]*$/i;
/** Longer numbers than this are not file offsets; treated as malformed rather than parsed. */
const MAX_DIGITS = 15;

export function parseRange(header: string | string[] | undefined, size: number): RangeRequest {
  if (typeof header !== 'string') return { kind: 'whole' };
  const match = SINGLE_BYTE_RANGE.exec(header);
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if ((first === '' && last === '') || first.length > MAX_DIGITS || last.length > MAX_DIGITS) return { kind: 'whole' };
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  // last-pos before first-pos makes the range-spec invalid (§14.1.1): ignored, not refused.
  if (last !== '' && Number(last) < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: 'part', start, end };
}
