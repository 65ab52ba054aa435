import type { Context } from 'koa';
import { clientSearchSchema } from '@ventalis/contracts';
import { notFound, parseInput } from '../../../utils/validation';
import { getService } from '../../../utils/services';
import { refusal } from '@ventalis/contracts';

export default {
  async clients(ctx: Context) {
    const query = parseInput(clientSearchSchema, ctx.query);
    ctx.body = await getService('consultant.portfolio').listClients((ctx.state.user as { id: number }).id, query);
  },

  async client(ctx: Context) {
    const client = await getService('consultant.portfolio').getClient((ctx.state.user as { id: number }).id, Number(ctx.params.id));
    if (!client) throw notFound(refusal('client.not_found', 'No client of yours has this id'));
    ctx.body = { data: client };
  },
};
