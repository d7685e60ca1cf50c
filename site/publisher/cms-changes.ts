/**
 * A fingerprint of what the CMS publishes: per content type, how many entries and the newest
 * `updatedAt`. Publishing, editing, unpublishing and deleting each change it, so comparing it
 * with the one taken before the last build finds a change whose webhook was lost.
 */
export async function cmsFingerprint(strapiUrl: string, token?: string): Promise<string> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const newest = async (path: string) => {
    const response = await fetch(new URL(path, strapiUrl), { headers, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    const body = (await response.json()) as {
      data?: { updatedAt?: string }[] | { updatedAt?: string };
      meta?: { pagination?: { total?: number } };
    };
    const first = Array.isArray(body.data) ? body.data[0] : body.data;
    return `${body.meta?.pagination?.total ?? 1}@${first?.updatedAt ?? '-'}`;
  };
  const newestFirst = 'sort[0]=updatedAt:desc&pagination[pageSize]=1';
  const parts = await Promise.all([
    newest(`/api/notices?locale=*&${newestFirst}`),
    newest(`/api/institutions?${newestFirst}`),
    newest('/api/site-setting'),
  ]);
  return parts.join(' ');
}
