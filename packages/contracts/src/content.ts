import { z } from 'zod';
import { localeAnswer, timestamp } from './answers.ts';
import { mediaSchema } from './catalogue.ts';

/**
 * The cms' content pages (GET /api/pages/home, /api/pages/commitment): a title and blocks an
 * editor arranges in the panel. Rich text is Strapi's "blocks" format; its nodes may carry
 * more than Ventalis reads (an image node holds the whole media entry), so they are open.
 */
export const textNodeSchema = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  strikethrough: z.boolean().optional(),
  code: z.boolean().optional(),
});
export type TextNode = z.infer<typeof textNodeSchema>;

export const linkNodeSchema = z.looseObject({ type: z.literal('link'), url: z.string(), children: z.array(textNodeSchema) });
export type LinkNode = z.infer<typeof linkNodeSchema>;

export const inlineNodeSchema = z.discriminatedUnion('type', [textNodeSchema, linkNodeSchema]);
export type InlineNode = z.infer<typeof inlineNodeSchema>;

const inlineChildren = z.array(inlineNodeSchema);
export const paragraphNodeSchema = z.looseObject({ type: z.literal('paragraph'), children: inlineChildren });
export type ParagraphNode = z.infer<typeof paragraphNodeSchema>;
export const headingNodeSchema = z.looseObject({ type: z.literal('heading'), level: z.number().int(), children: inlineChildren });
export type HeadingNode = z.infer<typeof headingNodeSchema>;
export const listItemNodeSchema = z.looseObject({ type: z.literal('list-item'), children: inlineChildren });
export type ListItemNode = z.infer<typeof listItemNodeSchema>;

export interface ListNode {
  type: 'list';
  format: 'ordered' | 'unordered';
  children: Array<ListItemNode | ListNode>;
  [key: string]: unknown;
}
/** Lists nest: a list's items are items or lists. */
export const listNodeSchema: z.ZodType<ListNode> = z
  .looseObject({
    type: z.literal('list'),
    format: z.enum(['ordered', 'unordered']),
    get children() {
      return z.array(z.union([listItemNodeSchema, listNodeSchema]));
    },
  })
  .meta({ id: 'ListNode' });

export const quoteNodeSchema = z.looseObject({ type: z.literal('quote'), children: inlineChildren });
export type QuoteNode = z.infer<typeof quoteNodeSchema>;
export const codeNodeSchema = z.looseObject({ type: z.literal('code'), children: inlineChildren });
export type CodeNode = z.infer<typeof codeNodeSchema>;
export const imageNodeSchema = z.looseObject({
  type: z.literal('image'),
  image: z.looseObject({ url: z.string(), alternativeText: z.string().nullable().optional(), width: z.number().nullable().optional(), height: z.number().nullable().optional() }),
  children: inlineChildren.optional(),
});
export type ImageNode = z.infer<typeof imageNodeSchema>;

export const blockNodeSchema = z.union([paragraphNodeSchema, headingNodeSchema, listNodeSchema, quoteNodeSchema, codeNodeSchema, imageNodeSchema]);
export type BlockNode = ParagraphNode | HeadingNode | ListNode | QuoteNode | CodeNode | ImageNode;
export const blocksContentSchema = z.array(blockNodeSchema);
export type BlocksContent = BlockNode[];

export const heroBlockSchema = z.strictObject({
  __component: z.literal('blocks.hero'),
  title: z.string(),
  subtitle: z.string().nullable(),
  image: mediaSchema.nullable(),
  ctaLabel: z.string().nullable(),
  ctaUrl: z.string().nullable(),
});
export const richTextBlockSchema = z.strictObject({ __component: z.literal('blocks.rich-text'), body: blocksContentSchema });
export const keyFiguresBlockSchema = z.strictObject({
  __component: z.literal('blocks.key-figures'),
  title: z.string().nullable(),
  figures: z.array(z.strictObject({ value: z.string(), label: z.string() })),
});
export const imageTextBlockSchema = z.strictObject({
  __component: z.literal('blocks.image-text'),
  title: z.string().nullable(),
  body: blocksContentSchema,
  image: mediaSchema.nullable(),
  imagePosition: z.enum(['left', 'right']),
});
export const callToActionBlockSchema = z.strictObject({
  __component: z.literal('blocks.call-to-action'),
  title: z.string(),
  text: z.string().nullable(),
  buttonLabel: z.string(),
  buttonUrl: z.string(),
});
export type HeroBlock = z.infer<typeof heroBlockSchema>;
export type RichTextBlock = z.infer<typeof richTextBlockSchema>;
export type KeyFiguresBlock = z.infer<typeof keyFiguresBlockSchema>;
export type ImageTextBlock = z.infer<typeof imageTextBlockSchema>;
export type CallToActionBlock = z.infer<typeof callToActionBlockSchema>;

export const pageBlockSchema = z.discriminatedUnion('__component', [heroBlockSchema, richTextBlockSchema, keyFiguresBlockSchema, imageTextBlockSchema, callToActionBlockSchema]);
export type PageBlock = z.infer<typeof pageBlockSchema>;

export const contentPageSchema = z.strictObject({
  /** The language of the text: French when the page has no version in the one asked for. */
  locale: localeAnswer,
  title: z.string(),
  seoDescription: z.string().nullable(),
  updatedAt: timestamp,
  publishedAt: timestamp.nullable(),
  blocks: z.array(pageBlockSchema),
});
export type ContentPage = z.infer<typeof contentPageSchema>;

export const PAGE_NAMES = ['home', 'commitment'] as const;
export type PageName = (typeof PAGE_NAMES)[number];
