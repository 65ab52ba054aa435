import type { StrapiApp } from '@strapi/strapi/admin';
import { ChartPie } from '@strapi/icons';

/** Only administrators (who may read consultants) see the portfolios. */
const ADMINISTRATORS = [{ action: 'plugin::content-manager.explorer.read', subject: 'api::consultant.consultant' }];

export default {
  config: {
    locales: [],
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
  bootstrap() {},
};
