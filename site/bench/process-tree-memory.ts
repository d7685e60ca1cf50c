import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory of a process and each of its descendants (Linux /proc), in bytes, by program. */
function treeRss(rootPid: number): Map<string, number> {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      parents.set(pid, Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]));
      rss.set(pid, Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024);
      names.set(pid, /^Name:\s+(.+)$/m.exec(status)?.[1] ?? String(pid));
    } catch {
      // The process ended while we looked.
    }
  }
  const byProgram = new Map<string, number>();
  const inTree = (pid: number): boolean => {
    for (let current = pid; current > 1; current = parents.get(current) ?? 0) if (current === rootPid) return true;
    return false;
  };
  for (const [pid, bytes] of rss) {
    const name = names.get(pid) ?? '?';
    if (inTree(pid)) byProgram.set(name, (byProgram.get(name) ?? 0) + bytes);
  }
  return byProgram;
}

/** Samples a process tree's memory until stopped; reports the peak (Astro plus Pagefind's binary). */
export function watchPeakMemory(rootPid: number, everyMs = 100) {
  let peak = 0;
  const peakByProgram = new Map<string, number>();
  const timer = setInterval(() => {
    const sample = treeRss(rootPid);
    let total = 0;
    for (const [name, bytes] of sample) {
      total += bytes;
      peakByProgram.set(name, Math.max(peakByProgram.get(name) ?? 0, bytes));
    }
    peak = Math.max(peak, total);
  }, everyMs);
  return {
    stop(): { peak: number; peakByProgram: Map<string, number> } {
      clearInterval(timer);
      return { peak, peakByProgram };
    },
  };
}
