import type { Core } from '@strapi/strapi';
import { managesMembers, refusal, type ConsultantCard, type CustomerProfile, type Locale, type ProfileUpdate } from '@ventalis/contracts';
import { forbidden } from '../../../utils/validation';
import { getService } from '../../../utils/services';
import { accountLocale } from '../../../utils/locale';

const USER = 'plugin::users-permissions.user';

const PROFILE_FIELDS = ['id', 'documentId', 'email', 'firstName', 'lastName', 'phone', 'confirmed', 'language'] as const;
const ADDRESS = { select: ['line1', 'line2', 'postalCode', 'city', 'country'] };

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

  const load = async (userId: number) =>
    strapi.db.query(USER).findOne({
      where: { id: userId },
      select: [...PROFILE_FIELDS],
      populate: {
        company: {
          select: ['id', 'documentId', 'legalName', 'siret', 'vatNumber'],
          populate: { billingAddress: ADDRESS, consultant: { select: ['firstName', 'lastName', 'email', 'phone', 'employeeNumber', 'blocked'] } },
        },
      },
    });

  return {
    /** The customer's own profile, their company and their consultant's contact card: nothing private. */
    async getCustomerProfile(userId: number): Promise<CustomerProfile | null> {
      const user = await load(userId);
      if (!user) return null;
      const { company, documentId: _documentId, language, ...fields } = user;
      const address = company?.billingAddress;
      const { membership, pendingJoin } = await getService('company.companies').describe(userId);
      const consultant = company?.consultant;
      return {
        ...(fields as Pick<CustomerProfile, 'id' | 'email' | 'firstName' | 'lastName' | 'phone' | 'confirmed'>),
        companyName: company?.legalName ?? '',
        siret: company?.siret ?? '',
        vatNumber: company?.vatNumber ?? '',
        locale: accountLocale({ language }),
        billingAddress: address ? { line1: address.line1, line2: address.line2 ?? '', postalCode: address.postalCode, city: address.city, country: address.country } : null,
        consultant: consultant && !consultant.blocked ? consultantCard(consultant) : null,
        membership,
        pendingJoin,
      };
    },

    /**
     * The person's own fields change for anyone; the company's (name, VAT number, billing
     * address) only for one of its admins, and nothing changes when one of them is refused.
     */
    async updateCustomerProfile(userId: number, changes: ProfileUpdate): Promise<CustomerProfile | null> {
      const user = await load(userId);
      if (!user) return null;
      const { locale, companyName, vatNumber, billingAddress, ...own } = changes;
      const companyChanges = { ...(companyName !== undefined ? { legalName: companyName } : {}), ...(vatNumber !== undefined ? { vatNumber } : {}), ...(billingAddress !== undefined ? { billingAddress } : {}) };
      if (Object.keys(companyChanges).length > 0) {
        const membership = await getService('company.companies').membershipOf(userId);
        if (!user.company || !managesMembers(membership?.role)) throw forbidden(refusal('company.admins_only', "Only your company's administrators can change its name, VAT number and address"));
      }
      await strapi.db.transaction(async () => {
        if (Object.keys(companyChanges).length > 0) await strapi.documents('api::company.company').update({ documentId: user.company.documentId, data: companyChanges as never });
        if (Object.keys(own).length > 0 || locale) await strapi.documents(USER).update({ documentId: user.documentId, data: { ...own, ...(locale ? { language: locale } : {}) } as never });
      });
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
