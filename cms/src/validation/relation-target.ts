/**
 * The document a relation field points to after a write, whatever form the write used:
 * a documentId, a numeric id, `{ documentId }`, `{ connect: [...] }`, `{ set: [...] }`,
 * `{ disconnect: [...] }` or null. `undefined` means the write leaves the relation as it was.
 */
export type RelationTarget = { documentId: string } | { id: number } | null | undefined;

function single(value: unknown): RelationTarget {
  if (typeof value === 'string') return { documentId: value };
  if (typeof value === 'number') return { id: value };
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.documentId === 'string') return { documentId: record.documentId };
    if (typeof record.id === 'number') return { id: record.id };
  }
  return undefined;
}

export function relationTarget(value: unknown): RelationTarget {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : single(value.at(-1));
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of ['set', 'connect'] as const) {
      const list = record[key];
      if (Array.isArray(list) && list.length > 0) return single(list.at(-1));
      if (key === 'set' && Array.isArray(list)) return null;
    }
    if (Array.isArray(record.disconnect) && record.disconnect.length > 0) return null;
    if ('connect' in record || 'disconnect' in record) return undefined;
  }
  return single(value);
}
