import { fail } from '@sveltejs/kit';
import { approvalDecisionSchema } from '@ventalis/contracts';
import { m } from '#lib/paraglide/messages.js';
import { invalidFields } from '#lib/server/form-errors.ts';
import { found, refusal, requireRole } from '#lib/server/guard.ts';
import { cms } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

/** An admin of a client company: the buyers' orders above their limits, and the decision on each. */
export const load: PageServerLoad = async (event) => {
  const { jwt } = requireRole(event, 'customer');
  return { pending: await found(cms.listApprovals(jwt), m.approvals_title(), event.url) };
};

const decide = (decision: 'approve' | 'decline') => async (event: Parameters<Actions[string]>[0]) => {
  const { jwt } = requireRole(event, 'customer');
  const form = await event.request.formData();
  const values = { reference: String(form.get('reference') ?? ''), comment: String(form.get('comment') ?? '') };
  const parsed = approvalDecisionSchema.safeParse({ comment: values.comment || undefined });
  if (!parsed.success) return fail(400, { errors: invalidFields(parsed.error, values), values });
  if (decision === 'decline' && !parsed.data.comment) return fail(400, { errors: { comment: m.error_approval_comment_required() } as Record<string, string>, values });
  try {
    if (decision === 'approve') await cms.approveOrder(jwt, values.reference, parsed.data.comment);
    else await cms.declineOrder(jwt, values.reference, parsed.data.comment!);
  } catch (failure) {
    return refusal(failure, values);
  }
  return { decided: decision, reference: values.reference };
};

export const actions: Actions = { approve: decide('approve'), decline: decide('decline') };
