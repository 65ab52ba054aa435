/**
 * Shapes of the cms content pages (GET /api/pages/home, /api/pages/commitment) and of
 * Strapi's "blocks" rich text, with the rules that make them safe to render.
 */
import type { Locale, Media } from '@ventalis/contracts';

export interface TextNode {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
}

export interface LinkNode {
  type: 'link';
  url: string;
  children: TextNode[];
}

export type InlineNode = TextNode | LinkNode;

export interface ParagraphNode {
  type: 'paragraph';
  children: InlineNode[];
}

export interface HeadingNode {
  type: 'heading';
  level: number;
  children: InlineNode[];
}

export interface ListItemNode {
  type: 'list-item';
  children: InlineNode[];
}

export interface ListNode {
  type: 'list';
  format: 'ordered' | 'unordered';
  children: Array<ListItemNode | ListNode>;
}

export interface QuoteNode {
  type: 'quote';
  children: InlineNode[];
}

export interface CodeNode {
  type: 'code';
  children: InlineNode[];
}

export interface ImageNode {
  type: 'image';
  image: { url: string; alternativeText?: string | null; width?: number | null; height?: number | null };
  children?: InlineNode[];
}

export type BlockNode = ParagraphNode | HeadingNode | ListNode | QuoteNode | CodeNode | ImageNode;
export type BlocksContent = BlockNode[];

export interface HeroBlock {
  __component: 'blocks.hero';
  title: string;
  subtitle: string | null;
  image: Media | null;
  ctaLabel: string | null;
  ctaUrl: string | null;
}

export interface RichTextBlock {
  __component: 'blocks.rich-text';
  body: BlocksContent;
}

export interface KeyFiguresBlock {
  __component: 'blocks.key-figures';
  title: string | null;
  figures: { value: string; label: string }[];
}

export interface ImageTextBlock {
  __component: 'blocks.image-text';
  title: string | null;
  body: BlocksContent;
  image: Media | null;
  imagePosition: 'left' | 'right';
}

export interface CallToActionBlock {
  __component: 'blocks.call-to-action';
  title: string;
  text: string | null;
  buttonLabel: string;
  buttonUrl: string;
}

export type PageBlock = HeroBlock | RichTextBlock | KeyFiguresBlock | ImageTextBlock | CallToActionBlock;

export interface ContentPage {
  /** The language of the text: French when the page has no version in the one asked for. */
  locale: Locale;
  title: string;
  seoDescription: string | null;
  updatedAt: string;
  publishedAt: string | null;
  blocks: PageBlock[];
}

export type PageName = 'home' | 'commitment';

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * A link target that is safe to put in an href: a same-site path, an anchor, or an
 * http(s)/mailto/tel URL. Anything else (javascript:, data:, protocol-relative //host) → null.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  const value = url.trim();
  // Browsers ignore tabs and newlines inside URLs: "java\nscript:" is still javascript:.
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  if (value.startsWith('#')) return value;
  if (value.startsWith('/')) return value.startsWith('//') || value.startsWith('/\\') ? null : value;
  try {
    return SAFE_SCHEMES.has(new URL(value).protocol) ? value : null;
  } catch {
    return null;
  }
}

/** Links leaving the site open in the same tab but tell assistive tech and search engines. */
export function isExternal(href: string): boolean {
  return /^https?:/i.test(href);
}

/** Headings inside a page section start at h3 below the section's h2, and stop at h6. */
export function headingLevel(level: unknown, minimum = 2): number {
  const n = Number.isInteger(level) ? Number(level) : minimum;
  return Math.min(6, Math.max(minimum, n));
}

/** The plain text of rich-text nodes (for meta descriptions and tests). */
export function plainText(nodes: ReadonlyArray<{ text?: string; children?: unknown }>): string {
  return nodes
    .map((node) => (typeof node.text === 'string' ? node.text : Array.isArray(node.children) ? plainText(node.children) : ''))
    .join('');
}

/**
 * Where the browser fetches a cms media file. The cms answers upload URLs relative to
 * itself (/uploads/…): the storefront serves them from the same path through its
 * /uploads proxy, so the browser never needs to reach the cms. Absolute URLs (a cloud
 * upload provider) are kept as they are.
 */
export function mediaSrc(url: string | null | undefined): string | null {
  if (!url) return null;
  if (url.startsWith('/uploads/')) return url;
  return /^https:\/\//.test(url) ? url : null;
}
