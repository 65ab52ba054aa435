import type { Core } from '@strapi/strapi';
import type { Inquiry } from '@ventalis/contracts';
import { getService } from '../../../utils/services';

/** The contact form: stored for the administrators and mailed to the staff address. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Returns false for a bot caught by the honeypot: nothing is stored or sent. */
  async submit({ website, ...inquiry }: Inquiry): Promise<boolean> {
    if (website) return false;
    await strapi.documents('api::inquiry.inquiry').create({ data: { ...inquiry, handled: false } });
    // For the staff, in French, the shop's language; the visitor's own words as they wrote them.
    getService('account.mail').sendLater({
      to: strapi.config.get('ventalis.staffEmail') as string,
      locale: 'fr',
      subject: `[Contact] ${inquiry.subject}`,
      text: `Nouvelle demande de ${inquiry.firstName} ${inquiry.lastName} (${inquiry.company}) <${inquiry.email}>\n\n${inquiry.message}`,
    });
    return true;
  },
});
