import type { Context } from 'koa';
import { getService } from '../../../utils/services';

/** The signed-in account is a member of a company (any role); else a 403 saying so. */
export default async (policyContext: Context) => {
  const user = policyContext.state.user as { id: number } | undefined;
  if (!user) return false;
  await getService('company.members').requireMember(user.id);
  return true;
};
