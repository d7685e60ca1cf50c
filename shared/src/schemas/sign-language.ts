import * as z from 'zod';
import { HttpUrlSchema } from './url.ts';

/**
 * A notice told in Polish Sign Language (PJM): a video file uploaded with the notice, played on
 * its page, or a link to a video published elsewhere (the institution's channel), opened there.
 * The 2019 accessibility act asks public bodies for PJM (art. 6 pkt 3 lit. c).
 */
export const SignLanguageVideoSchema = z
  .object({
    kind: z.enum(['file', 'link']),
    url: HttpUrlSchema,
    /** A file's type: only what browsers play in <video> (MP4, WebM) is accepted for a file. */
    mime: z
      .string()
      .refine((value) => /^video\/(mp4|webm|ogg)$/.test(value), { params: { rule: 'video-mime' } })
      .optional(),
  })
  .refine((video) => video.kind === 'link' || video.mime !== undefined, {
    path: ['mime'],
    params: { rule: 'video-mime' },
  });

export type SignLanguageVideo = z.output<typeof SignLanguageVideoSchema>;
