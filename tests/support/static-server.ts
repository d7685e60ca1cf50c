import { type StaticServer, serveSite } from '../../site/publisher/static-server.ts';

export type { StaticServer };

/** Serves a built site on 127.0.0.1, on a free port, as the site's own server does. */
export const serveDirectory = (directory: string): Promise<StaticServer> => serveSite(directory);
