import { constants, setPriority } from 'node:os';

/**
 * Lowers the calling thread's scheduling priority, for work that must be done before Astro is but
 * that Astro does not wait for (linking the previous build, writing the build's records): on two
 * cores, a third busy thread took a third of Astro's. On Linux the nice value is a thread's own,
 * so the process's other threads and Astro keep theirs; where it cannot be lowered, it is left.
 */
export function yieldToOtherThreads(): void {
  try {
    setPriority(0, constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not permitted here: the same work at the same priority as before.
  }
}
