import type { Context } from 'koa';
import { getService } from '../../../utils/services';
import { isAdministrator } from '../../../utils/administrators';
import { refusal } from '@ventalis/contracts';
import { forbidden, notFound } from '../../../utils/validation';

/** Administrators only: the panel's Portfolios page and homepage widget. */
const requireAdministrator = (ctx: Context) => {
  if (!isAdministrator(ctx.state.user)) throw forbidden(refusal('auth.administrators_only', 'Only administrators see the portfolios'));
};

export default {
  async overview(ctx: Context) {
    requireAdministrator(ctx);
    ctx.body = { data: await getService('consultant.portfolios').overview() };
  },

  async clients(ctx: Context) {
    requireAdministrator(ctx);
    const id = Number(ctx.params.id);
    const portfolio = Number.isInteger(id) && id > 0 ? await getService('consultant.portfolios').clients(id) : null;
    if (!portfolio) throw notFound(refusal('consultant.not_found', 'No consultant has this id'));
    ctx.body = { data: portfolio };
  },
};
