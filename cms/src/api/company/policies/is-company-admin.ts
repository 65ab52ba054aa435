import type { Context } from 'koa';
import { getService } from '../../../utils/services';

/** The signed-in account is an admin of its company; else a 403 saying why (no company, or another role). */
export default async (policyContext: Context) => {
  const user = policyContext.state.user as { id: number } | undefined;
  if (!user) return false;
  await getService('company.members').requireAdmin(user.id);
  return true;
};
