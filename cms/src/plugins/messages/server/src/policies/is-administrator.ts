import { errors } from '@strapi/utils';
import { isAdministrator } from '../../../../../utils/administrators';

/**
 * Administrators are the panel's super admins (as for the Portfolios page): the chat treats
 * every panel account it is given as an administrator, so no other panel role gets in.
 */
export default (policyContext: { state: { user?: { roles?: { code: string }[] } } }) => {
  if (!isAdministrator(policyContext.state.user)) throw new errors.PolicyError('Messages are for administrators only', { code: 'auth.administrators_only' });
  return true;
};
