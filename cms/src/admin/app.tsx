import type { StrapiApp } from '@strapi/strapi/admin';
import { ChartPie } from '@strapi/icons';
import { choosePanelLanguage } from './language';
import en from './translations/en.json';
import fr from './translations/fr.json';
import contentEn from './translations/content/en.json';
import contentFr from './translations/content/fr.json';
import strapiFr from './translations/strapi/fr.json';

/** Only administrators (who may read consultants) see the portfolios. */
const ADMINISTRATORS = [{ action: 'plugin::content-manager.explorer.read', subject: 'api::consultant.consultant' }];

export default {
  config: {
    // English is always there (Strapi's fallback); French is Ventalis' language.
    locales: ['fr'],
    // Ventalis' own panel words (the Messages plugin brings its own through registerTrads), the
    // names of the content marketers and consultants edit (types, fields, blocks), and the
    // French Strapi lacks where they work: the Content Manager, its preview and its languages.
    translations: { en: { ...en, ...contentEn }, fr: { ...strapiFr, ...fr, ...contentFr } },
  },
  register(app: StrapiApp) {
    app.addMenuLink({
      to: '/portfolios',
      icon: ChartPie,
      intlLabel: { id: 'ventalis.portfolios', defaultMessage: 'Portfolios' },
      permissions: ADMINISTRATORS,
      Component: () => import('./portfolios/PortfoliosPage'),
    });
    app.widgets.register({
      id: 'ventalis-portfolios',
      icon: ChartPie,
      title: { id: 'ventalis.portfolios.widget', defaultMessage: 'Portfolios' },
      link: { label: { id: 'ventalis.portfolios.open', defaultMessage: 'Open portfolios' }, href: '/portfolios' },
      permissions: ADMINISTRATORS,
      component: async () => (await import('./portfolios/PortfoliosWidget')).default,
    });
  },
  bootstrap() {
    try {
      choosePanelLanguage(window.localStorage, window.navigator.languages ?? [window.navigator.language]);
    } catch {
      // Storage refused (strict private browsing): Strapi falls back to English.
    }
  },
};
