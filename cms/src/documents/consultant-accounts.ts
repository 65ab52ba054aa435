import type { Core } from '@strapi/strapi';
import { documentFieldError } from '../utils/validation';
import { getService } from '../utils/services';
import { emailIsTaken } from '../api/account/services/registration';
import type { ConsultantRecord } from '../api/consultant/services/provisioning';
import { refusal } from '@ventalis/contracts';

/** A Document Service middleware (typed loosely: it handles every action of one uid). */
export type Middleware = (context: { uid: string; action: string; params: unknown }, next: () => Promise<unknown>) => Promise<unknown>;
type Data = Record<string, unknown>;

const CONSULTANT = 'api::consultant.consultant';
/** Fields only the system writes: the panel cannot set them on a consultant. */
const SYSTEM_FIELDS = ['employeeNumber', 'clientCount', 'user', 'adminUserId', 'clients', 'companies'];

const loadConsultant = (strapi: Core.Strapi, documentId: string): Promise<ConsultantRecord | null> =>
  strapi.db.query(CONSULTANT).findOne({
    where: { documentId },
    select: ['id', 'firstName', 'lastName', 'email', 'blocked', 'adminUserId'],
    populate: { user: { select: ['id'] } },
  });

const withoutSystemFields = (data: Data): Data => Object.fromEntries(Object.entries(data).filter(([key]) => !SYSTEM_FIELDS.includes(key)));

async function refuseTakenEmail(strapi: Core.Strapi, email: string) {
  if ((await emailIsTaken(strapi, email)) || (await getService('consultant.provisioning').emailUsedByPanelAccount(email))) {
    throw documentFieldError(['email'], refusal('account.email_taken', 'An account already uses this email'));
  }
}

/**
 * Creating, editing, blocking or deleting a consultant in the panel provisions,
 * updates, blocks or removes their storefront and panel accounts in the same
 * transaction, and moves their clients when they leave.
 */
export const consultantAccounts = (strapi: Core.Strapi): Middleware => async (context, next) => {
  if (context.uid !== CONSULTANT || !['create', 'update', 'delete'].includes(context.action)) return next();
  const params = context.params as { data?: Data; documentId?: string };
  const provisioning = getService('consultant.provisioning');
  const assignment = getService('consultant.assignment');

  return strapi.db.transaction(async ({ onCommit }) => {
    if (context.action === 'create') {
      const data = withoutSystemFields(params.data ?? {});
      const email = typeof data.email === 'string' ? data.email.trim().toLowerCase() : '';
      if (email) await refuseTakenEmail(strapi, email);
      params.data = { ...data, email, employeeNumber: await provisioning.nextEmployeeNumber(), clientCount: 0 };
      const result = (await next()) as { documentId: string };
      const created = await loadConsultant(strapi, result.documentId);
      const sendInvitation = await provisioning.provisionAccounts(created!);
      await assignment.assignUnassignedClients();
      onCommit(() => sendInvitation().catch((error: unknown) => strapi.log.error(`Consultant invitation failed: ${String(error)}`)));
      return result;
    }

    const before = params.documentId ? await loadConsultant(strapi, params.documentId) : null;
    if (!before) return next();

    if (context.action === 'delete') {
      const companyIds = await assignment.companyIdsOf(before.id);
      const result = await next();
      await provisioning.removeAccounts(before);
      await assignment.redistributeCompanies(companyIds, before.id);
      return result;
    }

    const data = withoutSystemFields(params.data ?? {});
    if (typeof data.email === 'string') {
      data.email = data.email.trim().toLowerCase();
      if (data.email !== before.email) await refuseTakenEmail(strapi, data.email as string);
    }
    params.data = data;
    const result = await next();
    const after = (await loadConsultant(strapi, params.documentId!))!;
    await provisioning.syncAccounts(after);
    if (after.blocked && !before.blocked) {
      await assignment.redistributeCompanies(await assignment.companyIdsOf(after.id), after.id);
    } else if (!after.blocked && before.blocked) {
      await assignment.assignUnassignedClients();
    } else {
      await assignment.refreshClientCounts();
    }
    return result;
  });
};

/**
 * An administrator reassigns a client company by editing its consultant in the panel: the
 * new consultant must be active; the members' accounts, conversations and the counts follow.
 */
export const clientReassignment = (strapi: Core.Strapi): Middleware => async (context, next) => {
  const data = (context.params as { data?: Data }).data;
  if (context.uid !== 'api::company.company' || context.action !== 'update' || !data || !('consultant' in data)) return next();
  return strapi.db.transaction(async () => {
    const result = (await next()) as { id: number };
    const company = await strapi.db.query('api::company.company').findOne({
      where: { id: result.id },
      select: ['id'],
      populate: { consultant: { select: ['id', 'blocked'] } },
    });
    if (company?.consultant?.blocked) {
      throw documentFieldError(['consultant'], refusal('consultant.blocked', 'A blocked consultant cannot take clients'));
    }
    const assignment = getService('consultant.assignment');
    await assignment.refreshClientCounts();
    for (const memberId of await getService('company.companies').memberIds(result.id)) await assignment.followCompanyConsultant(memberId);
    return result;
  });
};
