import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { nginxConfigKeeper } from '../../site/publisher/nginx/keep-config.ts';

/**
 * Issue 18, item 3: behind nginx, only the Content-Security-Policy lives in its configuration;
 * after a switch to a build whose inline code differs, the publisher writes it again and reloads
 * nginx, and not otherwise (a reload per publish would be needless).
 */
describe("the publisher keeps nginx's configuration in step with the live build", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'tablica-nginx-keeper-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const build = (name: string, script: string) => {
    const directory = path.join(scratch, name);
    mkdirSync(directory);
    writeFileSync(path.join(directory, 'tablica-csp.json'), JSON.stringify({ scripts: [script], styles: [] }));
    return directory;
  };
  const config = path.join(scratch, 'tablica.conf');
  const reloads = path.join(scratch, 'reloads');
  const messages: string[] = [];
  const keep = nginxConfigKeeper(
    {
      TABLICA_NGINX_CONFIG: config,
      TABLICA_NGINX_ROOT: path.join(scratch, 'current'),
      TABLICA_NGINX_RELOAD: `echo reload >> ${reloads}`,
    },
    (message) => messages.push(message),
  );
  const reloadCount = () => (existsSync(reloads) ? readFileSync(reloads, 'utf8').trim().split('\n').length : 0);

  test('written and reloaded when the inline code changes; left alone when it does not', async () => {
    if (!keep) throw new Error('TABLICA_NGINX_CONFIG set, yet no keeper');
    await keep(undefined, build('a', 'sha256-AAA'));
    expect(readFileSync(config, 'utf8')).toContain("'sha256-AAA'");
    expect(readFileSync(config, 'utf8')).toContain(`root ${path.join(scratch, 'current')};`);
    expect(reloadCount()).toBe(1);

    await keep(path.join(scratch, 'a'), build('b', 'sha256-AAA'));
    expect(reloadCount()).toBe(1);

    await keep(path.join(scratch, 'b'), build('c', 'sha256-CCC'));
    expect(readFileSync(config, 'utf8')).toContain("'sha256-CCC'");
    expect(readFileSync(config, 'utf8')).not.toContain("'sha256-AAA'");
    expect(reloadCount()).toBe(2);
    expect(messages.at(-1)).toContain('reloaded');
  });

  test('without TABLICA_NGINX_CONFIG there is nothing to keep', () => {
    expect(nginxConfigKeeper({}, () => {})).toBeUndefined();
  });
});
