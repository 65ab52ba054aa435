import type { Locale } from '@ventalis/contracts/locale';
import type { AuthTokens } from '#lib/server/cms.ts';
import type { SessionUser } from '#lib/server/session.ts';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in person, or null for a visitor. */
      user: SessionUser | null;
      /** The cms tokens of the session, for server-side calls only: never hand them to a page. */
      tokens: AuthTokens | null;
      /** Draft mode (the panel's Preview button): content pages show their drafts. */
      preview: boolean;
    }
    interface PageData {
      user?: SessionUser | null;
      preview?: boolean;
      /** Unread messages, for the header. */
      unread?: number;
      /**
       * This page's path (without the language prefix) in each language, when it differs
       * between them (a product's or category's slug): the language switcher and hreflang use it.
       */
      alternatePaths?: Partial<Record<Locale, string>>;
      /** The language of the page's content, when the cms had to answer French for an English page. */
      contentLocale?: Locale;
    }
  }
}

export {};
