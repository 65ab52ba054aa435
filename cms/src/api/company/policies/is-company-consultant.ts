import type { Context } from 'koa';
import { refusal } from '@ventalis/contracts';
import { notFound } from '../../../utils/validation';
import { getService } from '../../../utils/services';

/**
 * The signed-in consultant follows the company named in the route (`:id`). Another
 * consultant's company is answered like one that does not exist: a 404, which tells
 * nothing about other consultants' clients.
 */
export default async (policyContext: Context) => {
  const user = policyContext.state.user as { id: number } | undefined;
  if (!user) return false;
  if (await getService('company.prices').isCompanyConsultant(user.id, Number(policyContext.params.id))) return true;
  throw notFound(refusal('company.not_found', 'No company of yours has this id'));
};
