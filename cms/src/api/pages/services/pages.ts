import type { Core, UID } from '@strapi/strapi';
import { DEFAULT_LOCALE, type Locale } from '@ventalis/contracts';

export const PAGES = { home: 'api::home-page.home-page', commitment: 'api::commitment-page.commitment-page' } as const satisfies Record<string, UID.ContentType>;
export type PageName = keyof typeof PAGES;

const MEDIA = { fields: ['url', 'alternativeText', 'width', 'height'] };
const BLOCKS_POPULATE = {
  blocks: {
    on: {
      'blocks.hero': { populate: { image: MEDIA } },
      'blocks.rich-text': true,
      'blocks.key-figures': { populate: { figures: true } },
      'blocks.image-text': { populate: { image: MEDIA } },
      'blocks.call-to-action': true,
    },
  },
};

type Row = Record<string, unknown>;

const media = (file: Row | null | undefined) =>
  file ? { url: file.url, alternativeText: file.alternativeText ?? null, width: file.width ?? null, height: file.height ?? null } : null;

/** Keeps what a page shows: block fields, media reduced to their public part. */
const toBlock = ({ id: _id, __component, ...fields }: Row) => {
  const out: Row = { __component };
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'image') out.image = media(value as Row);
    else if (key === 'figures') out.figures = ((value as Row[]) ?? []).map(({ value: v, label }) => ({ value: v, label }));
    else out[key] = value;
  }
  return out;
};

/**
 * The Home and "Our commitment" pages, published or (for a preview) draft, in the asked
 * locale; in French when that locale has no version (in that status) yet, saying so in `locale`.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async findPage(name: PageName, status: 'published' | 'draft', locale: Locale) {
    const read = (l: Locale) => strapi.documents(PAGES[name]).findFirst({ status, locale: l, populate: BLOCKS_POPULATE as never }) as Promise<Row | null>;
    const page = (await read(locale)) ?? (locale === DEFAULT_LOCALE ? null : await read(DEFAULT_LOCALE));
    if (!page) return null;
    return {
      locale: page.locale as Locale,
      title: page.title,
      seoDescription: page.seoDescription ?? null,
      updatedAt: page.updatedAt,
      publishedAt: page.publishedAt ?? null,
      blocks: ((page.blocks as Row[]) ?? []).map(toBlock),
    };
  },
});
