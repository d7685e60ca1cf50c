import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.ts';

/** Whether Debian's Ceph (a monitor, an OSD and the S3 gateway) is here; CI installs it. */
export function radosgwAvailable(): boolean {
  try {
    for (const binary of ['ceph-mon', 'ceph-osd', 'radosgw', 'radosgw-admin', 'monmaptool', 'ceph-authtool']) {
      execFileSync('which', [binary], { stdio: 'ignore' });
    }
    return true;
  } catch {
    return false;
  }
}

export interface RunningRadosgw {
  /** http://127.0.0.1:<port>: S3's API, path-style (http://…/<bucket>/<key>). */
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop(): void;
}

/**
 * A real single-node Ceph cluster with its S3 gateway, in a scratch directory: one monitor, one
 * OSD keeping objects in memory (memstore, so nothing but this directory is touched) and radosgw.
 * It is the S3 implementation of Ceph itself, not an imitation, so signatures, CopyObject, bulk
 * deletes and the metadata objects carry are those of a production S3-compatible store. What it
 * does not prove: anything of AWS's own edge (its CDN, eventual consistency under load), and a
 * cluster of more than one node. Authentication between Ceph's daemons is off: they only listen
 * on 127.0.0.1 for the length of a test.
 */
export async function startRadosgw(): Promise<RunningRadosgw> {
  const directory = mkdtempSync(path.join(tmpdir(), 'tablica-ceph-'));
  const [monitorPort, gatewayPort] = [await freePort(), await freePort()];
  const fsid = randomUUID();
  for (const sub of ['run', 'log', 'mon/ceph-a', 'osd/ceph-0'])
    mkdirSync(path.join(directory, sub), { recursive: true });
  const config = path.join(directory, 'ceph.conf');
  writeFileSync(config, cephConfig(directory, fsid, monitorPort, gatewayPort));
  const run = (command: string, ...args: string[]) =>
    execFileSync(command, ['-c', config, ...args], { cwd: directory, stdio: 'pipe', timeout: 30_000 }).toString();
  const daemons: ChildProcess[] = [];
  // Foreground daemons (-f): they are this process's children, stopped with it.
  const daemon = (command: string, ...args: string[]): ChildProcess => {
    const child = spawn(command, ['-c', config, '-f', ...args], { cwd: directory, stdio: 'ignore' });
    daemons.push(child);
    return child;
  };
  const stop = () => {
    for (const child of daemons.reverse()) child.kill('SIGKILL');
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    execFileSync(
      'ceph-authtool',
      ['--create-keyring', 'keyring', '--gen-key', '-n', 'mon.', '--cap', 'mon', 'allow *'],
      {
        cwd: directory,
        stdio: 'ignore',
      },
    );
    // A v1 address only: the OSD then finds the monitor at the address the monitor map gives.
    execFileSync('monmaptool', ['--create', '--addv', 'a', `[v1:127.0.0.1:${monitorPort}]`, '--fsid', fsid, 'monmap'], {
      cwd: directory,
      stdio: 'ignore',
    });
    run('ceph-mon', '--mkfs', '-i', 'a', '--monmap', 'monmap');
    daemon('ceph-mon', '-i', 'a');
    const osdUuid = randomUUID();
    await until(() => run('ceph', 'osd', 'create', osdUuid), 'the Ceph monitor answers');
    run('ceph-osd', '-i', '0', '--mkfs', '--osd-uuid', osdUuid);
    // Placed by hand, not by the OSD as it starts (see "osd crush update on start" below).
    run('ceph', 'osd', 'crush', 'add', 'osd.0', '1.0', 'root=default');
    const osd = daemon('ceph-osd', '-i', '0');
    // The OSD's death is noticed at once, and a failure quotes its log: in CI it once sat "down"
    // for 60 s, and only its log said why.
    await until(
      () => {
        if (!/"up":1/.test(run('ceph', 'osd', 'dump', '--format', 'json').replace(/\s/g, ''))) throw new Error('down');
      },
      'the OSD is up',
      150_000,
      () => osd.exitCode ?? osd.signalCode,
    ).catch((error) => {
      throw new Error(`${error.message}\nits log ends:\n${lastLines(path.join(directory, 'log/osd.0.log'), 15)}`);
    });
    const gateway = daemon('radosgw', '-n', 'client.rgw');
    const endpoint = `http://127.0.0.1:${gatewayPort}`;
    await until(
      async () => {
        await fetch(endpoint);
      },
      'radosgw answers',
      60_000,
      () => gateway.exitCode ?? gateway.signalCode,
    );
    const accessKeyId = `TABLICA${randomBytes(6).toString('hex').toUpperCase()}`;
    const secretAccessKey = randomBytes(24).toString('base64url');
    run(
      'radosgw-admin',
      'user',
      'create',
      '--uid=tablica',
      '--display-name=Tablica tests',
      `--access-key=${accessKeyId}`,
      `--secret-key=${secretAccessKey}`,
    );
    return { endpoint, accessKeyId, secretAccessKey, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

function lastLines(file: string, count: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Retries `attempt` every 250 ms; gives up after `timeoutMs`, or at once when `exited()` says the daemon died. */
async function until(
  attempt: () => unknown,
  what: string,
  timeoutMs = 60_000,
  exited: () => unknown = () => null,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      await attempt();
      return;
    } catch (error) {
      const died = exited();
      if (died !== null && died !== undefined) throw new Error(`Ceph: the daemon exited (${died}) before ${what}`);
      if (Date.now() - started > timeoutMs)
        throw new Error(`Ceph: waited ${timeoutMs / 1000} s for ${what}: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function cephConfig(directory: string, fsid: string, monitorPort: number, gatewayPort: number): string {
  return `[global]
fsid = ${fsid}
mon host = [v1:127.0.0.1:${monitorPort}]
public addr = 127.0.0.1
cluster addr = 127.0.0.1
public network = 127.0.0.0/8
ms bind msgr2 = false
ms bind ipv6 = false
ms bind ipv4 = true
auth cluster required = none
auth service required = none
auth client required = none
auth allow insecure global id reclaim = false
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon allow pool size one = true
mon warn on pool no redundancy = false
mon data avail warn = 1
osd crush chooseleaf type = 0
osd objectstore = memstore
# A starting OSD otherwise asks the monitor to set its device class and crush location; now and
# then (5 of 10 back-to-back starts here) the monitor refused that first command with "wrong
# fsid" and the OSD exited (0 of 10 with these two lines). The tests place it before it starts.
osd class update on start = false
osd crush update on start = false
memstore device bytes = 2147483648
run dir = ${directory}/run
admin socket = ${directory}/run/$name.asok
log file = ${directory}/log/$name.log
pid file = ${directory}/run/$name.pid
mon data = ${directory}/mon/ceph-$id
osd data = ${directory}/osd/ceph-$id
keyring = ${directory}/keyring
mon cluster log file = ${directory}/log/cluster.log
[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:${gatewayPort}
rgw data = ${directory}/rgw
`;
}
