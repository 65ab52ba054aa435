/**
 * The cms content pages (GET /api/pages/home, /api/pages/commitment) and Strapi's "blocks"
 * rich text: their shapes are the contracts' (content.ts); here, the rules that make them safe to render.
 */
export type {
  TextNode,
  LinkNode,
  InlineNode,
  ParagraphNode,
  HeadingNode,
  ListItemNode,
  ListNode,
  QuoteNode,
  CodeNode,
  ImageNode,
  BlockNode,
  BlocksContent,
  HeroBlock,
  RichTextBlock,
  KeyFiguresBlock,
  ImageTextBlock,
  CallToActionBlock,
  PageBlock,
  ContentPage,
  PageName,
} from '@ventalis/contracts';

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
