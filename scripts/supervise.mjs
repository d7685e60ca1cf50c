// Keeps a child process running: restarted with a growing pause when it dies, and said so.
import { spawn } from 'node:child_process';

/**
 * Runs `command args` and restarts it whenever it exits without being asked to: after 1 s, then
 * twice as long after each quick death, up to `maxDelayMs`; a run that lasted `stableMs` resets
 * the pause. `say` reports every start and death, so the terminal tells what happened.
 */
export function supervise({
  name,
  command,
  args,
  options = {},
  say,
  firstDelayMs = 1_000,
  maxDelayMs = 30_000,
  stableMs = 60_000,
}) {
  let child;
  let stopping = false;
  let delay = firstDelayMs;
  let timer;
  let exited = Promise.resolve();

  const start = () => {
    const startedAt = Date.now();
    child = spawn(command, args, { stdio: 'inherit', ...options });
    say(`${name} started (pid ${child.pid})`);
    exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        resolve();
        if (stopping) return;
        if (Date.now() - startedAt >= stableMs) delay = firstDelayMs;
        const how = signal ? `killed by ${signal}` : `exit code ${code}`;
        say(`${name} stopped (${how}); restarting in ${Math.round(delay / 1000)} s…`);
        timer = setTimeout(start, delay);
        delay = Math.min(maxDelayMs, delay * 2);
      });
    });
  };
  start();

  return {
    get pid() {
      return child?.pid;
    },
    /** Stops it for good (SIGINT, then SIGKILL after `graceMs`), and waits until it is gone. */
    async stop(graceMs = 15_000) {
      stopping = true;
      clearTimeout(timer);
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
        const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(force);
      }
    },
  };
}
