import type { Context } from 'koa';
import { accountLocaleSchema, profileUpdateSchema, refusal } from '@ventalis/contracts';
import { forbidden, parseInput } from '../../../utils/validation';
import { getService } from '../../../utils/services';

const roleOf = (ctx: Context) => ctx.state.user?.role?.type as string | undefined;

export default {
  /** The signed-in person's profile: a customer with their consultant's card, or a consultant's own card. */
  async me(ctx: Context) {
    const user = ctx.state.user as { id: number };
    const profile = getService('account.profile');
    if (roleOf(ctx) === 'consultant') {
      ctx.body = { data: { role: 'consultant', consultant: await profile.getConsultantProfile(user.id), locale: await profile.getLocale(user.id) } };
      return;
    }
    ctx.body = { data: { role: 'customer', ...(await profile.getCustomerProfile(user.id)) } };
  },

  async updateMe(ctx: Context) {
    const userId = (ctx.state.user as { id: number }).id;
    if (roleOf(ctx) === 'consultant') {
      // A consultant has no company profile, only the language of their emails.
      const body = ctx.request.body;
      const onlyLocale = body && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).every((key) => key === 'locale');
      if (!onlyLocale) throw forbidden(refusal('account.customers_only', 'Only client accounts have a company profile'));
      const { locale } = parseInput(accountLocaleSchema, body);
      const profile = getService('account.profile');
      await profile.setLocale(userId, locale);
      ctx.body = { data: { role: 'consultant', consultant: await profile.getConsultantProfile(userId), locale } };
      return;
    }
    if (roleOf(ctx) !== 'customer') throw forbidden(refusal('account.customers_only', 'Only client accounts have a company profile'));
    const changes = parseInput(profileUpdateSchema, ctx.request.body);
    const updated = await getService('account.profile').updateCustomerProfile((ctx.state.user as { id: number }).id, changes);
    ctx.body = { data: { role: 'customer', ...updated } };
  },
};
