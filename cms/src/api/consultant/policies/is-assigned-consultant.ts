import type { Context } from 'koa';
import { getService } from '../../../utils/services';

/** The signed-in consultant follows the client named in the route (`:id`). */
export default async (policyContext: Context) => {
  const user = policyContext.state.user as { id: number } | undefined;
  const clientId = Number(policyContext.params.id);
  if (!user || !Number.isInteger(clientId) || clientId <= 0) return false;
  return getService('consultant.portfolio').isAssignedConsultant(user.id, clientId);
};
