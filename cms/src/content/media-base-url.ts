import type { Core } from '@strapi/strapi';

/** The CMS's public URL (server.url), or its local address when none is configured. */
export function mediaBaseUrl(strapi: Core.Strapi): string {
  const configured = strapi.config.get<string>('server.url', '');
  if (configured) return configured;
  return `http://${strapi.config.get<string>('server.host', '127.0.0.1')}:${strapi.config.get<number>('server.port', 1337)}`;
}
