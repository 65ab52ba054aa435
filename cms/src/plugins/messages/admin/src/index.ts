import type { StrapiApp } from '@strapi/strapi/admin';
import { Discuss } from '@strapi/icons';
import { ADMINISTRATORS } from './permissions';
import { translationsFor } from './texts';

const PLUGIN_ID = 'messages';

/** The panel's "Messages" page, in the main menu, for administrators only. */
export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Discuss,
      intlLabel: { id: 'messages.menu', defaultMessage: 'Messages' },
      permissions: ADMINISTRATORS,
      Component: () => import('./pages/MessagesPage'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Messages' });
  },
  bootstrap() {},
  async registerTrads({ locales }: { locales: string[] }) {
    return translationsFor(locales);
  },
};
