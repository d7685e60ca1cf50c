/**
 * The publisher's two servers in a process of their own (building nothing: autoStart off), so a
 * test can throw anything at them and then see whether the process is still there. Prints one
 * line of JSON with the servers' addresses.
 */
import { startPublisher } from '../../site/publisher/main.ts';

const running = await startPublisher(
  { ...process.env, SITE_PORT: '0', PUBLISHER_PORT: '0' },
  { autoStart: false, log: (message) => process.stderr.write(`${message}\n`) },
);
process.stdout.write(`${JSON.stringify({ site: running.site.url, control: running.control.url })}\n`);
process.once('SIGTERM', () => {
  void running.stop().then(() => process.exit(0));
});
