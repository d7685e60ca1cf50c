#!/usr/bin/env node
// Guards the toolchain rule from ../shared/handbook/STACK.md: every npm script runs on Node 24
// (the `node` devDependency puts it first on PATH) and native modules load under it. Run as the
// root postinstall and before tests; fails loudly with the fix, because a Node-20 run produces
// confusing errors much later (better-sqlite3 aborts the process, Vite refuses to start).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const REQUIRED_MAJOR = 24;
// Native modules whose binaries must match the running Node, checked only where installed.
// Each probe runs in a child process: a mismatched binary can abort instead of throwing.
const NATIVE_MODULES = [
  {
    name: 'better-sqlite3',
    probe:
      "const D=require('better-sqlite3');if(new D(':memory:').prepare('select 1 as one').get().one!==1)process.exit(3)",
  },
];

const quiet = process.argv.includes('--quiet');
const require = createRequire(`${process.cwd()}/`);
const problems = [];

const major = Number(process.versions.node.split('.')[0]);
if (major !== REQUIRED_MAJOR) {
  problems.push(
    `This script runs on Node ${process.versions.node}, but Tablica needs Node ${REQUIRED_MAJOR}.\n` +
      '  Fix: run it through npm (`npm run …`, `npm test`, `npx …`) so node_modules/.bin/node is used,\n' +
      '  and if that binary is missing (a later `npm install x` can prune it), run `npm ci` again.',
  );
} else {
  for (const { name, probe } of NATIVE_MODULES) {
    try {
      require.resolve(name);
    } catch {
      continue;
    }
    const result = spawnSync(process.execPath, ['-e', probe], { cwd: process.cwd(), encoding: 'utf8' });
    if (result.status !== 0) {
      const why = result.signal
        ? `the process died with ${result.signal}`
        : (result.stderr.trim().split('\n')[0] ?? `exit ${result.status}`);
      problems.push(
        `The native module ${name} does not work on Node ${process.versions.node}: ${why}\n  Fix: npm rebuild ${name}`,
      );
    }
  }
}

if (problems.length > 0) {
  console.error(`\nTablica toolchain check failed:\n\n- ${problems.join('\n- ')}\n`);
  process.exit(1);
}
if (!quiet) {
  console.log(`Tablica toolchain check: Node ${process.versions.node}, native modules OK.`);
  // npm itself may run on an older Node (the machine's); packages that want a newer one then say
  // EBADENGINE above. They are about npm's Node, not the one Tablica runs on: say so once.
  const npmNode = process.env.npm_node_execpath
    ? spawnSync(process.env.npm_node_execpath, ['--version'], { encoding: 'utf8' }).stdout?.trim()
    : undefined;
  if (npmNode && Number(npmNode.replace(/^v/, '').split('.')[0]) !== REQUIRED_MAJOR) {
    console.log(
      `  (npm ran on Node ${npmNode.replace(/^v/, '')}: any "EBADENGINE" warnings above are about that Node; Tablica's scripts use its own Node ${process.versions.node}.)`,
    );
  }
}
