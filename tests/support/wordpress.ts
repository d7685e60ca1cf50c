import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.ts';

/**
 * A real WordPress, as newsrooms run it: Debian's `wordpress` package (6.1, PHP 8.2) on the
 * MariaDB this machine runs, with the Twenty Twenty-Three theme, served by `php -S` on 127.0.0.1.
 * Each start gets its own copy of the code (hard links), its own database and its own users:
 * an administrator, an editor and an author (the role newsroom reporters usually have), each with
 * an application password for the REST API.
 *
 * The only test configuration is what the issue allows: a must-use plugin that lets WordPress
 * fetch from the Tablica site's port (`http_allowed_safe_ports`). WordPress may not reach
 * anything else (WP_HTTP_BLOCK_EXTERNAL), so no update check leaves the machine.
 */
export const WORDPRESS_DIR = process.env.WORDPRESS_DIR ?? '/usr/share/wordpress';
const THEME = 'twentytwentythree';
export const hasWordPress =
  existsSync(path.join(WORDPRESS_DIR, 'wp-load.php')) &&
  existsSync(path.join(WORDPRESS_DIR, 'wp-content/themes', THEME)) &&
  hasCommand('php');

if (!hasWordPress) {
  const message = `\n*** WordPress tests SKIPPED: no WordPress at ${WORDPRESS_DIR} or no php. Install them: apt-get install -y wordpress wordpress-theme-twentytwentythree php-cli php-mysql ***\n`;
  // CI installs them (.ci/run): there, a missing WordPress is a failure, never a silent skip.
  if (process.env.CI) throw new Error(message);
  process.stderr.write(message);
}

function hasCommand(command: string): boolean {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export type WordPressRole = 'administrator' | 'editor' | 'author';

export interface RunningWordPress {
  url: string;
  /** Basic authorization with the user's application password, for the REST API. */
  auth: Record<WordPressRole, string>;
  /** A REST request (`/wp/v2/posts`…) as a user, through `?rest_route=`. */
  rest<T = unknown>(
    route: string,
    options?: { as?: WordPressRole; method?: string; body?: unknown },
  ): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

const php = (value: string) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** Hard links where the file system allows them (instant), a copy where it does not. */
function linkTree(from: string, to: string) {
  try {
    execFileSync('cp', ['-al', from, to], { stdio: 'ignore' });
  } catch {
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  }
}

function config(root: string, database: string, url: string) {
  const salts = [
    'AUTH_KEY',
    'SECURE_AUTH_KEY',
    'LOGGED_IN_KEY',
    'NONCE_KEY',
    'AUTH_SALT',
    'SECURE_AUTH_SALT',
    'LOGGED_IN_SALT',
    'NONCE_SALT',
  ]
    .map((name) => `define(${php(name)}, ${php(randomBytes(32).toString('hex'))});`)
    .join('\n');
  return `<?php
define('DB_NAME', ${php(database)});
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', ${php(process.env.WORDPRESS_DB_HOST ?? '127.0.0.1:3306')});
define('DB_CHARSET', 'utf8mb4');
define('WP_HOME', ${php(url)});
define('WP_SITEURL', ${php(url)});
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('FS_METHOD', 'direct');
${salts}
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', ${php(`${root}/`)});
require_once ABSPATH . 'wp-settings.php';
`;
}

/** Pretty permalinks under `php -S`: files as they are, everything else to WordPress. */
const ROUTER = `<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path !== '/' && is_file(__DIR__ . $path)) return false;
$_SERVER['SCRIPT_NAME'] = '/index.php';
require __DIR__ . '/index.php';
`;

const INSTALL = `<?php
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = parse_url(getenv('TABLICA_WP_URL'), PHP_URL_HOST) . ':' . parse_url(getenv('TABLICA_WP_URL'), PHP_URL_PORT);
$mysqli = new mysqli(getenv('TABLICA_WP_DB_HOST'), 'root', '', '', (int) getenv('TABLICA_WP_DB_PORT'));
$mysqli->query('CREATE DATABASE IF NOT EXISTS \`' . getenv('TABLICA_WP_DB') . '\` CHARACTER SET utf8mb4');
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
// This machine sends no mail: the new-site notice would only print sendmail's absence.
add_filter('pre_wp_mail', '__return_false');
wp_install('Radio Brzozów', 'admin', 'admin@radio.example.org', false, '', wp_generate_password(24));
switch_theme('${THEME}');
update_option('permalink_structure', '/%postname%/');
$auth = [];
foreach (['administrator', 'editor', 'author'] as $role) {
  $id = $role === 'administrator' ? 1 : wp_insert_user(['user_login' => $role, 'user_pass' => wp_generate_password(24), 'user_email' => $role . '@radio.example.org', 'role' => $role]);
  [$password] = WP_Application_Passwords::create_new_application_password($id, ['name' => 'tablica-tests']);
  $login = get_userdata($id)->user_login;
  $auth[$role] = 'Basic ' . base64_encode($login . ':' . $password);
}
echo json_encode($auth);
`;

/** WordPress may fetch from the Tablica site's port: the one piece of test configuration. */
const allowPort = (port: number) => `<?php
add_filter('http_allowed_safe_ports', function ($ports) { $ports[] = ${port}; return $ports; });
`;

async function waitUntilUp(url: string, process: ChildProcess, log: () => string) {
  // Up to 30 s: on a machine busy with the other test projects the first answers can be slow.
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (process.exitCode !== null) throw new Error(`php -S stopped: ${log()}`);
    try {
      const response = await fetch(`${url}/wp-login.php`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WordPress did not answer at ${url}: ${log()}`);
}

/** Starts WordPress; `sitePort` is the Tablica site's, which WordPress is allowed to fetch from. */
export async function startWordPress({ sitePort }: { sitePort: number }): Promise<RunningWordPress> {
  const work = mkdtempSync(path.join(tmpdir(), 'tablica-wordpress-'));
  const root = path.join(work, 'wordpress');
  linkTree(WORDPRESS_DIR, root);
  rmSync(path.join(root, 'wp-config.php'), { force: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const database = `tablica_wp_${process.pid}_${port}`;
  const [dbHost, dbPort] = (process.env.WORDPRESS_DB_HOST ?? '127.0.0.1:3306').split(':');
  writeFileSync(path.join(root, 'wp-config.php'), config(root, database, url));
  writeFileSync(path.join(root, 'tablica-router.php'), ROUTER);
  writeFileSync(path.join(root, 'tablica-install.php'), INSTALL);
  mkdirSync(path.join(root, 'wp-content/mu-plugins'), { recursive: true });
  mkdirSync(path.join(root, 'wp-content/uploads'), { recursive: true });
  writeFileSync(path.join(root, 'wp-content/mu-plugins/tablica-allow-site-port.php'), allowPort(sitePort));

  const installed = execFileSync('php', [path.join(root, 'tablica-install.php')], {
    env: {
      ...process.env,
      TABLICA_WP_URL: url,
      TABLICA_WP_DB: database,
      TABLICA_WP_DB_HOST: dbHost,
      TABLICA_WP_DB_PORT: dbPort ?? '3306',
    },
    encoding: 'utf8',
  });
  const auth = JSON.parse(installed.slice(installed.indexOf('{'))) as Record<WordPressRole, string>;

  let output = '';
  const server = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', root, path.join(root, 'tablica-router.php')], {
    cwd: root,
    // Several workers: a page and its assets, and WordPress fetching the embed, at once.
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => {
    output = (output + chunk).slice(-4000);
  });
  server.stderr?.on('data', (chunk) => {
    output = (output + chunk).slice(-4000);
  });
  await waitUntilUp(url, server, () => output);

  return {
    url,
    auth,
    async rest(route, { as = 'administrator', method = 'GET', body } = {}) {
      const [pathPart, query] = route.split('?');
      const response = await fetch(
        `${url}/?rest_route=${encodeURIComponent(pathPart ?? '')}${query ? `&${query}` : ''}`,
        {
          method,
          headers: { authorization: auth[as], ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        },
      );
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Not JSON: keep the text for the failure message.
      }
      return { status: response.status, body: parsed as never };
    },
    async stop() {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      // The workers first: they are the server's children and outlive it (each test run left four
      // holding their port), and once it is gone they can no longer be found by their parent. The
      // server stays in the test run's process group, so Ctrl-C still ends it and them.
      spawnSync('pkill', ['-TERM', '-P', String(server.pid)]);
      server.kill('SIGTERM');
      if (server.exitCode === null && server.signalCode === null) await exited;
      try {
        execFileSync('php', [
          '-r',
          `(new mysqli(${php(dbHost ?? '127.0.0.1')}, 'root', '', '', ${Number(dbPort ?? 3306)}))->query('DROP DATABASE IF EXISTS \`${database}\`');`,
        ]);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  };
}
