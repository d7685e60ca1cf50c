import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const guard = join(import.meta.dirname, '../../scripts/check-node.mjs');

/** A `node` on PATH other than the project's own Node 24 (the machine's Node 20, if any). */
function otherNode(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir.includes('node_modules')) continue;
    const candidate = join(dir, 'node');
    if (!existsSync(candidate)) continue;
    const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim();
    if (!version.startsWith('v24.')) return candidate;
  }
  return undefined;
}

describe('the Node 24 guard (postinstall and before tests)', () => {
  it('passes on the Node that npm scripts run', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
    const result = spawnSync(process.execPath, [guard, '--quiet'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  const node = otherNode();
  it.skipIf(!node)('fails loudly, with the fix, on another Node', () => {
    const result = spawnSync(node ?? '', [guard], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Tablica needs Node 24/);
    expect(result.stderr).toMatch(/Fix: run it through npm/);
  });
  if (!node) {
    process.stderr.write('\n*** node-guard: no non-24 Node on PATH, the failure case was SKIPPED ***\n\n');
  }
});
