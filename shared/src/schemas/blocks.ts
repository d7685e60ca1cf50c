import * as z from 'zod';
import { TextRunSchema } from './text.ts';
import { HttpUrlSchema } from './url.ts';

/**
 * Strapi's Blocks rich text, restricted to what a notice needs. It is a tree of typed nodes —
 * never HTML — so the site renders it with its own elements; link URLs obey the http(s) rule.
 */

const TextLeafSchema = z.object({
  type: z.literal('text'),
  text: TextRunSchema,
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  strikethrough: z.boolean().optional(),
  code: z.boolean().optional(),
});

const LinkNodeSchema = z.object({
  type: z.literal('link'),
  url: HttpUrlSchema,
  children: z.array(TextLeafSchema).min(1).max(50),
});

const InlineSchema = z.discriminatedUnion('type', [TextLeafSchema, LinkNodeSchema]);
const InlineListSchema = z.array(InlineSchema).min(1).max(200);

const ListItemSchema = z.object({ type: z.literal('list-item'), children: InlineListSchema });

export const BlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), children: InlineListSchema }),
  z.object({ type: z.literal('heading'), level: z.number().int().min(2).max(4), children: InlineListSchema }),
  z.object({ type: z.literal('quote'), children: InlineListSchema }),
  z.object({
    type: z.literal('list'),
    format: z.enum(['ordered', 'unordered']),
    children: z.array(ListItemSchema).min(1).max(100),
  }),
]);

export const BlocksSchema = z.array(BlockSchema).max(200);

/** Plain text of a blocks tree, for feeds' summaries and search. */
export const plainTextOfBlocks = (blocks: z.output<typeof BlocksSchema>): string =>
  blocks
    .map((block) =>
      block.type === 'list'
        ? block.children.map((item) => item.children.map(inlineText).join('')).join('\n')
        : block.children.map(inlineText).join(''),
    )
    .join('\n\n');

function inlineText(node: z.output<typeof InlineSchema>): string {
  return node.type === 'text' ? node.text : node.children.map((leaf) => leaf.text).join('');
}

export type Block = z.output<typeof BlockSchema>;
export type Blocks = z.output<typeof BlocksSchema>;
