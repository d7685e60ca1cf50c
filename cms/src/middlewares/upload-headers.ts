import type { Context, Next } from 'koa';

const INLINE = /^(image\/(png|jpeg|webp|gif)|video\/(mp4|webm))\b/;
/** A notice's PJM video plays in the site's pages, which may be on another site than the CMS. */
const PLAYED_ELSEWHERE = /^video\/(mp4|webm)\b/;

/**
 * Uploaded files are the media library's, served from the CMS's own origin: whatever one holds
 * (a file uploaded before the type rules, or one that lies about its type), it must never run
 * there. Every answer under /uploads gets nosniff and a sandboxing CSP; anything but a raster
 * image or a video is a download, never a page.
 */
export default () => async (ctx: Context, next: Next) => {
  await next();
  if (!ctx.path.startsWith('/uploads/')) return;
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', "default-src 'none'; img-src 'self'; sandbox");
  const type = String(ctx.response.type ?? '');
  ctx.set('Cross-Origin-Resource-Policy', PLAYED_ELSEWHERE.test(type) ? 'cross-origin' : 'same-site');
  if (!INLINE.test(type)) ctx.set('Content-Disposition', 'attachment');
};
