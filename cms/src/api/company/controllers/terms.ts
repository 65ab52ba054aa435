import type { Context } from 'koa';
import { companyTermsSchema, refusal } from '@ventalis/contracts';
import { notFound, parseInput } from '../../../utils/validation';
import { getService } from '../../../utils/services';

export default {
  /** The consultant following the company grants or withdraws payment on invoice; anyone else's company is a 404. */
  async update(ctx: Context) {
    const id = Number(ctx.params.id);
    if (!Number.isSafeInteger(id) || id <= 0) throw notFound(refusal('company.not_found', 'This company does not exist or is not one of your clients'));
    const terms = getService('company.terms');
    const companyId = await terms.companyOfConsultant((ctx.state.user as { id: number }).id, id);
    const changes = parseInput(companyTermsSchema, ctx.request.body);
    ctx.body = { data: await terms.setTerms(companyId, changes) };
  },
};
