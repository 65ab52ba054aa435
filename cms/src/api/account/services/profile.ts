import type { Core } from '@strapi/strapi';
import type { ConsultantCard, CustomerProfile, Locale, ProfileUpdate } from '@ventalis/contracts';
import { accountLocale } from '../../../utils/locale';

const USER = 'plugin::users-permissions.user';

const PROFILE_FIELDS = ['id', 'documentId', 'email', 'companyName', 'siret', 'vatNumber', 'firstName', 'lastName', 'phone', 'confirmed', 'language'] as const;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const consultantCard = (consultant: Record<string, unknown> | null | undefined): ConsultantCard | null =>
    consultant
      ? {
          firstName: String(consultant.firstName),
          lastName: String(consultant.lastName),
          email: String(consultant.email),
          phone: (consultant.phone as string | null) ?? null,
          employeeNumber: String(consultant.employeeNumber),
        }
      : null;

  const load = async (userId: number) => {
    const user = await strapi.db.query(USER).findOne({
      where: { id: userId },
      select: [...PROFILE_FIELDS],
      populate: {
        billingAddress: { select: ['line1', 'line2', 'postalCode', 'city', 'country'] },
        consultant: { select: ['firstName', 'lastName', 'email', 'phone', 'employeeNumber', 'blocked'] },
      },
    });
    return user;
  };

  return {
    /** The customer's own profile and their consultant's contact card: nothing private. */
    async getCustomerProfile(userId: number): Promise<CustomerProfile | null> {
      const user = await load(userId);
      if (!user) return null;
      const { billingAddress, consultant, documentId: _documentId, language, ...fields } = user;
      const address = billingAddress ? { line1: billingAddress.line1, line2: billingAddress.line2 ?? '', postalCode: billingAddress.postalCode, city: billingAddress.city, country: billingAddress.country } : null;
      return {
        ...(fields as Omit<CustomerProfile, 'billingAddress' | 'consultant'>),
        vatNumber: fields.vatNumber ?? '',
        locale: accountLocale({ language }),
        billingAddress: address,
        consultant: consultant && !consultant.blocked ? consultantCard(consultant) : null,
      };
    },

    async updateCustomerProfile(userId: number, changes: ProfileUpdate): Promise<CustomerProfile | null> {
      const user = await load(userId);
      if (!user) return null;
      const { locale, ...fields } = changes;
      await strapi.documents(USER).update({ documentId: user.documentId, data: { ...fields, ...(locale ? { language: locale } : {}) } as never });
      return this.getCustomerProfile(userId);
    },

    /** The language of any storefront account (a customer's or a consultant's). */
    async getLocale(userId: number): Promise<Locale> {
      return accountLocale(await strapi.db.query(USER).findOne({ where: { id: userId }, select: ['language'] }));
    },

    async setLocale(userId: number, locale: Locale): Promise<void> {
      await strapi.db.query(USER).update({ where: { id: userId }, data: { language: locale } });
    },

    /** A consultant's own card, as their clients see it. */
    async getConsultantProfile(userId: number): Promise<ConsultantCard | null> {
      const consultant = await strapi.db.query('api::consultant.consultant').findOne({
        where: { user: { id: userId } },
        select: ['firstName', 'lastName', 'email', 'phone', 'employeeNumber'],
      });
      return consultantCard(consultant);
    },
  };
};
