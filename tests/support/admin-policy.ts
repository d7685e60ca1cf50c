/**
 * What in the admin panel's Content-Security-Policy is looser than Strapi sends in production:
 * in development and test it lets inline scripts run and the page connect to any host (for its
 * development server's live reload), so one script slipped into the admin could send an editor's
 * session anywhere. Empty when the policy is production's.
 */
export function looserThanProduction(header: string | null): string[] {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, [...(directives.get(name) ?? []), ...sources]);
  }
  const loose: string[] = [];
  if (!directives.has('script-src')) loose.push('no script-src');
  if (directives.get('script-src')?.includes("'unsafe-inline'")) loose.push("script-src 'unsafe-inline'");
  for (const anyHost of ['http:', 'ws:', 'wss:']) {
    if (directives.get('connect-src')?.includes(anyHost)) loose.push(`connect-src ${anyHost}`);
  }
  return loose;
}
