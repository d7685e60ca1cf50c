import { type SpawnOptions, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

interface ProcessSample {
  pid: number;
  /** The program's name (/proc/<pid>/status Name: node, pagefind, …). */
  name: string;
  /** Its command line, arguments separated by spaces. */
  command: string;
  rss: number;
}

/** Resident memory of a process and each of its descendants (Linux /proc), in bytes. */
function treeRss(rootPid: number): ProcessSample[] {
  const parents = new Map<number, number>();
  const samples = new Map<number, ProcessSample>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      parents.set(pid, Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]));
      samples.set(pid, {
        pid,
        name: /^Name:\s+(.+)$/m.exec(status)?.[1] ?? String(pid),
        command: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim(),
        rss: Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024,
      });
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let current = pid; current > 1; current = parents.get(current) ?? 0) if (current === rootPid) return true;
    return false;
  };
  return [...samples.values()].filter((sample) => inTree(sample.pid));
}

/**
 * Samples a process tree's memory until stopped; reports the peak of the whole tree, the peak of
 * each program (Astro plus Pagefind's binary), and the peak of any one process under each label
 * `labelOf` gives it (by default its program's name) — for budgets that hold per process.
 */
export function watchPeakMemory(
  rootPid: number,
  { everyMs = 100, labelOf = (sample: ProcessSample) => sample.name } = {},
) {
  let peak = 0;
  const peakByProgram = new Map<string, number>();
  const peakByProcess = new Map<string, number>();
  const timer = setInterval(() => {
    let total = 0;
    const byProgram = new Map<string, number>();
    for (const sample of treeRss(rootPid)) {
      total += sample.rss;
      byProgram.set(sample.name, (byProgram.get(sample.name) ?? 0) + sample.rss);
      const label = labelOf(sample);
      peakByProcess.set(label, Math.max(peakByProcess.get(label) ?? 0, sample.rss));
    }
    for (const [name, bytes] of byProgram) peakByProgram.set(name, Math.max(peakByProgram.get(name) ?? 0, bytes));
    peak = Math.max(peak, total);
  }, everyMs);
  return {
    stop(): { peak: number; peakByProgram: Map<string, number>; peakByProcess: Map<string, number> } {
      clearInterval(timer);
      return { peak, peakByProgram, peakByProcess };
    },
  };
}

/**
 * Runs a program to its end, watching its process tree's memory: wall time, peaks and everything
 * it printed; rejects with the end of its output (`name failed`) when it exits non-zero.
 */
export function measuredRun(
  name: string,
  command: string,
  args: string[],
  options: Omit<SpawnOptions, 'stdio'> = {},
): Promise<{ seconds: number; peakBytes: number; peakByProgram: Map<string, number>; output: string }> {
  const started = performance.now();
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  const memory = watchPeakMemory(child.pid ?? 0);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const { peak: peakBytes, peakByProgram } = memory.stop();
      if (code !== 0) return reject(new Error(`${name} failed:\n${output.slice(-3000)}`));
      resolve({ seconds: (performance.now() - started) / 1000, peakBytes, peakByProgram, output });
    });
  });
}
