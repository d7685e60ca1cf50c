import type { Context, Next } from 'koa';

const INLINE = /^image\/(png|jpeg|webp|gif)\b/;

/**
 * Uploaded files are the media library's, served from the CMS's own origin: whatever one holds
 * (a file uploaded before the type rules, or one that lies about its type), it must never run
 * there. Every answer under /uploads gets nosniff and a sandboxing CSP; anything but a raster
 * image is a download, never a page.
 */
export default () => async (ctx: Context, next: Next) => {
  await next();
  if (!ctx.path.startsWith('/uploads/')) return;
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', "default-src 'none'; img-src 'self'; sandbox");
  ctx.set('Cross-Origin-Resource-Policy', 'same-site');
  if (!INLINE.test(String(ctx.response.type ?? ''))) ctx.set('Content-Disposition', 'attachment');
};
