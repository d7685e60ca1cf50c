import net from 'node:net';

export interface SwitchableProxy {
  url: string;
  /** Where connections go; until set, or while down, they are refused. */
  target: URL | undefined;
  down: () => void;
  up: () => void;
  close: () => Promise<void>;
}

/**
 * A TCP proxy in front of the real CMS that the test can cut: "down" drops open connections and
 * closes new ones at once, which is what a stopped Strapi looks like to its clients.
 */
export async function startSwitchableProxy(): Promise<SwitchableProxy> {
  const open = new Set<net.Socket>();
  let isDown = false;
  const proxy: SwitchableProxy = {
    url: '',
    target: undefined,
    down: () => {
      isDown = true;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    up: () => {
      isDown = false;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = net.createServer((client) => {
    const target = proxy.target;
    if (isDown || !target) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(target.port), target.hostname);
    open.add(client).add(upstream);
    const forget = () => {
      open.delete(client);
      open.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', forget).on('close', forget);
    upstream.on('error', forget).on('close', forget);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return proxy;
}
