import { createHash, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import {
  INVITATION_VALID_DAYS,
  invitationTokenSchema,
  isCompanyRole,
  managesMembers,
  refusal,
  type CompanyInvitation,
  type CompanyJoinRequest,
  type CompanyMember,
  type CompanyOverview,
  type CompanyRole,
  type InvitationAccept,
  type InvitationCreate,
  type InvitationPreview,
  type MemberUpdate,
  type Refusal,
} from '@ventalis/contracts';
import type { Locale } from '@ventalis/contracts/locale';
import { fieldError, forbidden, gone, notFound, refused } from '../../../utils/validation';
import { getService } from '../../../utils/services';
import { accountLocale, storefrontLink } from '../../../utils/locale';
import { afterCommit } from '../../../utils/after-commit';
import { mails } from '../../../mail/templates';
import { COMPANY_ROLE_NAMES } from '../../../mail/messages';
import { CUSTOMER_ROLE, findRoleId } from '../../account/services/registration';
import { isCommonPassword } from '../../account/services/common-passwords';
import { notMember, type Membership } from './companies';

const COMPANY = 'api::company.company';
const INVITATION = 'api::company.invitation';
const JOIN_REQUEST = 'api::company.join-request';
const USER = 'plugin::users-permissions.user';
const CART_ITEM = 'api::cart.cart-item';
const DAY_MS = 24 * 60 * 60 * 1000;
type Row = Record<string, any>;

const MEMBER_FIELDS = ['id', 'firstName', 'lastName', 'email', 'companyRole', 'orderLimitCents', 'monthlyLimitCents'];
const ADDRESS_FIELDS = ['line1', 'line2', 'postalCode', 'city', 'country'] as const;

/** Only the hash of an invitation's secret is stored: the database alone opens no company. */
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const fullName = (user: Row | null | undefined) => `${user?.firstName ?? ''} ${user?.lastName ?? ''}`.trim() || String(user?.email ?? '');
const iso = (value: unknown) => new Date(value as string).toISOString();

const adminsOnly = () => refusal('company.admins_only', "Only your company's administrators can manage its members");
const lastAdmin = () => refusal('company.last_admin', 'A company keeps at least one administrator: name another administrator first');
const memberNotFound = () => refusal('company.member_not_found', 'This person is not a member of your company');
const invitationNotFound = () => refusal('company.invitation_not_found', 'This invitation link is not valid');
const joinRequestNotFound = () => refusal('company.join_request_not_found', 'This request to join does not wait for an answer');

/**
 * The members of a client company: the overview each member reads, what its admins do
 * (invite, change roles and limits, remove, decide on requests to join), leaving, and the
 * invitation links. Who may do what follows the role rules of the contracts (managesMembers);
 * the routes' policies check the same before a controller runs. Every change of membership
 * runs in one transaction and the member's account then follows the company's consultant.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const companies = () => getService('company.companies');
  const mail = () => getService('account.mail');

  /**
   * Serialises the changes that count a company's admins (demoting, removing, leaving):
   * a row lock on the company on PostgreSQL; SQLite runs one write transaction at a time.
   */
  const lockCompany = async (trx: unknown, companyId: number) => {
    if (strapi.db.dialect.client === 'sqlite') return;
    await strapi.db.getConnection('companies').transacting(trx as never).where({ id: companyId }).forUpdate().first('id');
  };

  const adminCount = (companyId: number) => strapi.db.query(USER).count({ where: { company: { id: companyId }, companyRole: 'admin' } });

  const findMember = async (companyId: number, memberId: number): Promise<Row> => {
    const member = Number.isSafeInteger(memberId) && memberId > 0 ? await strapi.db.query(USER).findOne({ where: { id: memberId, company: { id: companyId } }, select: MEMBER_FIELDS }) : null;
    if (!member || !isCompanyRole(member.companyRole)) throw notFound(memberNotFound());
    return member;
  };

  const asMember = (row: Row, viewer: { id: number; admin: boolean }): CompanyMember => {
    // Limits are an admin's business, and each member's own.
    const seesLimits = viewer.admin || row.id === viewer.id;
    return {
      id: row.id,
      firstName: row.firstName ?? '',
      lastName: row.lastName ?? '',
      role: row.companyRole,
      isMe: row.id === viewer.id,
      email: row.email,
      orderLimitCents: seesLimits ? (row.orderLimitCents ?? null) : null,
      monthlyLimitCents: seesLimits ? (row.monthlyLimitCents ?? null) : null,
    };
  };

  /** Where an invitation stands: the pending, unexpired one, or the refusal saying why not. */
  const invitationState = (invitation: Row | null, now = Date.now()): Refusal | null => {
    if (!invitation) return invitationNotFound();
    if (invitation.status === 'accepted') return refusal('company.invitation_used', 'This invitation has already been accepted');
    if (invitation.status === 'revoked') return refusal('company.invitation_revoked', 'This invitation has been withdrawn');
    if (new Date(invitation.expiresAt).getTime() <= now) return refusal('company.invitation_expired', `This invitation has expired: links work for ${INVITATION_VALID_DAYS} days`);
    return null;
  };

  const findInvitation = async (token: string): Promise<Row | null> => {
    if (!invitationTokenSchema.safeParse(token).success) return null;
    return strapi.db.query(INVITATION).findOne({
      where: { tokenHash: hashToken(token) },
      populate: { company: { select: ['id', 'legalName'] }, invitedBy: { select: ['firstName', 'lastName', 'email'] } },
    });
  };

  const openInvitation = async (token: string): Promise<Row> => {
    const invitation = await findInvitation(token);
    const problem = invitationState(invitation);
    if (problem) throw problem.code === 'company.invitation_not_found' ? notFound(problem) : gone(problem);
    return invitation!;
  };

  /** An account's place in a company changes: its consultant (and their conversation) follows. */
  const join = async (userId: number, companyId: number, role: CompanyRole) => {
    await strapi.db.query(USER).update({ where: { id: userId }, data: { company: companyId, companyRole: role, orderLimitCents: null, monthlyLimitCents: null, leftCompanyAt: null } });
    // A request to join some company, still waiting, is answered by this.
    const pending: Row[] = await strapi.db.query(JOIN_REQUEST).findMany({ where: { user: { id: userId }, status: 'pending' }, select: ['id'] });
    if (pending.length > 0) await strapi.db.query(JOIN_REQUEST).deleteMany({ where: { id: { $in: pending.map((r) => r.id) } } });
    await getService('consultant.assignment').followCompanyConsultant(userId);
  };

  const companyName = async (companyId: number): Promise<string> => (await strapi.db.query(COMPANY).findOne({ where: { id: companyId }, select: ['legalName'] }))?.legalName ?? '';

  const service = {
    /** The signed-in account's company and role, or a 403 naming why not. */
    async requireMember(userId: number): Promise<Membership> {
      const membership = await companies().membershipOf(userId);
      if (!membership) throw forbidden(notMember());
      return membership;
    },

    /** The same, for an admin of the company only. */
    async requireAdmin(userId: number): Promise<Membership> {
      const membership = await service.requireMember(userId);
      if (!managesMembers(membership.role)) throw forbidden(adminsOnly());
      return membership;
    },

    /**
     * The member's company: its identity and members (names, roles and work emails, which
     * colleagues share; limits for admins and each member's own). Pending invitations and
     * requests to join are for admins only.
     */
    async overview(userId: number): Promise<CompanyOverview> {
      const { companyId, role } = await service.requireMember(userId);
      const admin = managesMembers(role);
      const company = await strapi.db.query(COMPANY).findOne({ where: { id: companyId }, select: ['id', 'legalName', 'siret', 'vatNumber'], populate: { billingAddress: { select: [...ADDRESS_FIELDS] } } });
      const members: Row[] = await strapi.db.query(USER).findMany({ where: { company: { id: companyId } }, select: MEMBER_FIELDS, orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }] });
      const address = company.billingAddress;
      return {
        id: company.id,
        legalName: company.legalName,
        siret: company.siret ?? '',
        vatNumber: company.vatNumber ?? '',
        billingAddress: address ? { line1: address.line1 ?? '', line2: address.line2 ?? '', postalCode: address.postalCode ?? '', city: address.city ?? '', country: address.country ?? '' } : null,
        role,
        members: members.filter((m) => isCompanyRole(m.companyRole)).map((m) => asMember(m, { id: userId, admin })),
        invitations: admin ? await service.invitations(companyId) : [],
        joinRequests: admin ? await service.pendingJoinRequests(companyId) : [],
      };
    },

    async invitations(companyId: number): Promise<CompanyInvitation[]> {
      const rows: Row[] = await strapi.db.query(INVITATION).findMany({
        where: { company: { id: companyId }, status: 'pending' },
        select: ['id', 'email', 'role', 'expiresAt'],
        populate: { invitedBy: { select: ['firstName', 'lastName', 'email'] } },
        orderBy: { id: 'asc' },
      });
      return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, expiresAt: iso(r.expiresAt), invitedBy: fullName(r.invitedBy) }));
    },

    async pendingJoinRequests(companyId: number): Promise<CompanyJoinRequest[]> {
      const rows: Row[] = await strapi.db.query(JOIN_REQUEST).findMany({
        where: { company: { id: companyId }, status: 'pending' },
        select: ['id', 'createdAt'],
        populate: { user: { select: ['firstName', 'lastName', 'email', 'phone'] } },
        orderBy: { id: 'asc' },
      });
      return rows
        .filter((r) => r.user)
        .map((r) => ({ id: r.id, firstName: r.user.firstName ?? '', lastName: r.user.lastName ?? '', email: r.user.email, phone: r.user.phone ?? '', requestedAt: iso(r.createdAt) }));
    },

    async joinRequests(adminId: number): Promise<CompanyJoinRequest[]> {
      const { companyId } = await service.requireAdmin(adminId);
      return service.pendingJoinRequests(companyId);
    },

    /**
     * An admin invites a colleague: a single-use link valid 7 days, mailed in the language
     * asked for (the inviter's own otherwise). An address that already has a company, or is a
     * consultant's, is refused; inviting the same address again withdraws the previous link.
     * An address with an account outside any company (a refused request, a former member) is
     * invited all the same: its owner signs in to accept.
     */
    async invite(adminId: number, input: InvitationCreate): Promise<CompanyInvitation> {
      const { companyId } = await service.requireAdmin(adminId);
      const email = input.email.toLowerCase();
      const [account, consultant, inviter] = await Promise.all([
        strapi.db.query(USER).findOne({ where: { email: { $eqi: email } }, select: ['id'], populate: { company: { select: ['id'] }, role: { select: ['type'] } } }),
        strapi.db.query('api::consultant.consultant').findOne({ where: { email: { $eqi: email } }, select: ['id'] }),
        strapi.db.query(USER).findOne({ where: { id: adminId }, select: ['firstName', 'lastName', 'email', 'language'] }),
      ]);
      if (consultant || (account && account.role?.type !== CUSTOMER_ROLE)) throw refused(refusal('company.invitation_email_unavailable', 'This address cannot be invited'));
      if (account?.company?.id === companyId) throw refused(refusal('company.invitation_email_already_member', 'This person is already a member of your company'));
      if (account?.company) throw refused(refusal('company.invitation_email_in_other_company', 'This address belongs to a member of another company: a person is a member of one company only'));

      const locale: Locale = input.locale ?? accountLocale(inviter);
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + INVITATION_VALID_DAYS * DAY_MS);
      const created = await strapi.db.transaction(async () => {
        const previous: Row[] = await strapi.db.query(INVITATION).findMany({ where: { company: { id: companyId }, email, status: 'pending' }, select: ['id'] });
        if (previous.length > 0) await strapi.db.query(INVITATION).updateMany({ where: { id: { $in: previous.map((p) => p.id) } }, data: { status: 'revoked', decidedAt: new Date() } });
        return strapi.db.query(INVITATION).create({ data: { company: companyId, email, role: input.role, tokenHash: hashToken(token), expiresAt, status: 'pending', language: locale, invitedBy: adminId } });
      });
      const legalName = await companyName(companyId);
      const rendered = mails.companyInvitation(locale, {
        inviter: fullName(inviter),
        legalName,
        role: COMPANY_ROLE_NAMES[locale][input.role],
        acceptUrl: storefrontLink(strapi, locale, `/invitation/${token}`),
        expiresAt: expiresAt.toISOString(),
      });
      mail().sendLater({ to: email, locale, ...rendered });
      return { id: created.id, email, role: input.role, expiresAt: expiresAt.toISOString(), invitedBy: fullName(inviter) };
    },

    /** An admin withdraws a pending invitation of their company: its link stops working. */
    async revokeInvitation(adminId: number, invitationId: number): Promise<void> {
      const { companyId } = await service.requireAdmin(adminId);
      const invitation = Number.isSafeInteger(invitationId) && invitationId > 0 ? await strapi.db.query(INVITATION).findOne({ where: { id: invitationId, company: { id: companyId }, status: 'pending' }, select: ['id'] }) : null;
      if (!invitation) throw notFound(invitationNotFound());
      await strapi.db.query(INVITATION).update({ where: { id: invitation.id }, data: { status: 'revoked', decidedAt: new Date() } });
    },

    /** What the link's holder reads: who invites them, to which company, with which role. */
    async previewInvitation(token: string): Promise<InvitationPreview> {
      const invitation = await openInvitation(token);
      const account = await strapi.db.query(USER).findOne({ where: { email: { $eqi: invitation.email } }, select: ['id'] });
      return {
        email: invitation.email,
        role: invitation.role,
        legalName: invitation.company?.legalName ?? '',
        invitedBy: fullName(invitation.invitedBy),
        expiresAt: iso(invitation.expiresAt),
        hasAccount: Boolean(account),
      };
    },

    /**
     * Accepts an invitation, once. Without an account, `input` opens one for the invited
     * address, confirmed (the link came to that address); with one, its owner signs in first
     * and accepts as `signedInId`. The invitation is spent in the same transaction as the
     * membership is written, under a row lock: a link used twice at once joins once.
     */
    async acceptInvitation(token: string, accepting: { signedInId: number } | { input: InvitationAccept }): Promise<{ email: string; legalName: string }> {
      await openInvitation(token);
      if ('input' in accepting && isCommonPassword(accepting.input.password)) {
        throw fieldError('password', refusal('password.too_common', 'This password is among the most common ones: choose another'));
      }
      return strapi.db.transaction(async ({ trx }) => {
        if (strapi.db.dialect.client !== 'sqlite') await strapi.db.getConnection('company_invitations').transacting(trx).where({ token_hash: hashToken(token) }).forUpdate().first('id');
        const invitation = await openInvitation(token);
        const companyId = invitation.company?.id as number | undefined;
        if (!companyId) throw notFound(invitationNotFound());
        let userId: number;
        if ('signedInId' in accepting) {
          const user = await strapi.db.query(USER).findOne({ where: { id: accepting.signedInId }, select: ['id', 'email'], populate: { company: { select: ['id'] }, role: { select: ['type'] } } });
          if (!user || user.role?.type !== CUSTOMER_ROLE || String(user.email).toLowerCase() !== invitation.email) {
            throw forbidden(refusal('company.invitation_other_account', 'This invitation is for another address: sign out, then open the link again'));
          }
          if (user.company) throw refused(refusal('company.already_member', 'Your account is already a member of a company'));
          userId = user.id;
        } else {
          const [account, consultant] = await Promise.all([
            strapi.db.query(USER).findOne({ where: { email: { $eqi: invitation.email } }, select: ['id'] }),
            strapi.db.query('api::consultant.consultant').findOne({ where: { email: { $eqi: invitation.email } }, select: ['id'] }),
          ]);
          if (account || consultant) throw refused(refusal('company.invitation_sign_in_to_accept', 'This address already has a Ventalis account: sign in with it, then open the invitation link again'));
          const { firstName, lastName, phone, locale } = accepting.input;
          const created = await strapi.plugin('users-permissions').service('user').add({
            username: invitation.email,
            email: invitation.email,
            password: accepting.input.password,
            provider: 'local',
            confirmed: true,
            blocked: false,
            role: await findRoleId(strapi, CUSTOMER_ROLE),
            firstName,
            lastName,
            phone,
            language: locale,
          });
          userId = created.id;
        }
        await strapi.db.query(INVITATION).update({ where: { id: invitation.id }, data: { status: 'accepted', acceptedBy: userId, decidedAt: new Date() } });
        await join(userId, companyId, invitation.role);
        return { email: invitation.email, legalName: invitation.company.legalName };
      });
    },

    /** An admin changes a member's role and limits; the last admin keeps their role. */
    async updateMember(adminId: number, memberId: number, changes: MemberUpdate): Promise<CompanyMember> {
      const { companyId } = await service.requireAdmin(adminId);
      return strapi.db.transaction(async ({ trx }) => {
        await lockCompany(trx, companyId);
        const member = await findMember(companyId, memberId);
        if (changes.role && changes.role !== 'admin' && member.companyRole === 'admin' && (await adminCount(companyId)) <= 1) throw refused(lastAdmin());
        const data = Object.fromEntries(Object.entries({ companyRole: changes.role, orderLimitCents: changes.orderLimitCents, monthlyLimitCents: changes.monthlyLimitCents }).filter(([, value]) => value !== undefined));
        await strapi.db.query(USER).update({ where: { id: member.id }, data });
        // A buyer no longer in the conversations about others' orders, or an accountant now in them.
        if (changes.role && changes.role !== member.companyRole) await getService('conversation.membership').syncMemberConversations(member.id);
        return asMember(await findMember(companyId, member.id), { id: adminId, admin: true });
      });
    },

    /**
     * A member leaves the company (`memberId` = their own id) or an admin removes them. Their
     * open cart is emptied, their orders stay with the company, and the account stays, outside
     * any company, without a consultant: it may be invited again. The last admin can do neither.
     */
    async removeMember(actorId: number, memberId: number): Promise<void> {
      const actor = await service.requireMember(actorId);
      if (memberId !== actorId && !managesMembers(actor.role)) throw forbidden(adminsOnly());
      await strapi.db.transaction(async ({ trx }) => {
        await lockCompany(trx, actor.companyId);
        const member = await findMember(actor.companyId, memberId);
        if (member.companyRole === 'admin' && (await adminCount(actor.companyId)) <= 1) throw refused(lastAdmin());
        const lines: Row[] = await strapi.db.query(CART_ITEM).findMany({ where: { customer: { id: member.id } }, select: ['id'] });
        if (lines.length > 0) await strapi.db.query(CART_ITEM).deleteMany({ where: { id: { $in: lines.map((l) => l.id) } } });
        await strapi.db.query(USER).update({ where: { id: member.id }, data: { company: null, companyRole: null, orderLimitCents: null, monthlyLimitCents: null, leftCompanyAt: new Date() } });
        await getService('consultant.assignment').followCompanyConsultant(member.id);
      });
    },

    /** Someone registered with the SIRET of this company: each admin is mailed, in their language, once it is stored. */
    async announceJoinRequest(companyId: number, requesterId: number): Promise<void> {
      const [requester, admins, legalName] = await Promise.all([
        strapi.db.query(USER).findOne({ where: { id: requesterId }, select: ['firstName', 'lastName', 'email'] }),
        strapi.db.query(USER).findMany({ where: { company: { id: companyId }, companyRole: 'admin', blocked: false }, select: ['firstName', 'email', 'language'] }),
        companyName(companyId),
      ]);
      if (!requester) return;
      afterCommit(strapi, () => {
        for (const admin of admins as Row[]) {
          const locale = accountLocale(admin);
          const rendered = mails.joinRequestReceived(locale, { firstName: admin.firstName ?? '', legalName, requester: fullName(requester), email: requester.email, companyUrl: storefrontLink(strapi, locale, '/account/company') });
          mail().sendLater({ to: admin.email, locale, ...rendered });
        }
      });
    },

    /** An admin accepts a request to join, with a role (buyer when not said); the newcomer is mailed. */
    async approveJoinRequest(adminId: number, requestId: number, role: CompanyRole): Promise<CompanyMember> {
      const { companyId } = await service.requireAdmin(adminId);
      return strapi.db.transaction(async ({ onCommit }) => {
        const request = await service.pendingRequest(companyId, requestId);
        await strapi.db.query(JOIN_REQUEST).update({ where: { id: request.id }, data: { status: 'approved', decidedAt: new Date() } });
        await strapi.db.query(USER).update({ where: { id: request.user.id }, data: { company: companyId, companyRole: role, orderLimitCents: null, monthlyLimitCents: null, leftCompanyAt: null } });
        await getService('consultant.assignment').followCompanyConsultant(request.user.id);
        const locale = accountLocale(request.user);
        const legalName = await companyName(companyId);
        onCommit(() => mail().sendLater({ to: request.user.email, locale, ...mails.joinApproved(locale, { firstName: request.user.firstName ?? '', legalName, role: COMPANY_ROLE_NAMES[locale][role], accountUrl: storefrontLink(strapi, locale, '/account') }) }));
        return asMember(await findMember(companyId, request.user.id), { id: adminId, admin: true });
      });
    },

    /** An admin refuses a request to join, with an optional word; the person is mailed and stays without a company. */
    async refuseJoinRequest(adminId: number, requestId: number, comment: string): Promise<void> {
      const { companyId } = await service.requireAdmin(adminId);
      await strapi.db.transaction(async ({ onCommit }) => {
        const request = await service.pendingRequest(companyId, requestId);
        await strapi.db.query(JOIN_REQUEST).update({ where: { id: request.id }, data: { status: 'refused', comment: comment || null, decidedAt: new Date() } });
        const locale = accountLocale(request.user);
        const legalName = await companyName(companyId);
        onCommit(() => mail().sendLater({ to: request.user.email, locale, ...mails.joinRefused(locale, { firstName: request.user.firstName ?? '', legalName, comment }) }));
      });
    },

    async pendingRequest(companyId: number, requestId: number): Promise<Row> {
      const request =
        Number.isSafeInteger(requestId) && requestId > 0
          ? await strapi.db.query(JOIN_REQUEST).findOne({ where: { id: requestId, company: { id: companyId }, status: 'pending' }, select: ['id'], populate: { user: { select: ['id', 'firstName', 'email', 'language'], populate: { company: { select: ['id'] } } } } })
          : null;
      if (!request?.user || request.user.company) throw notFound(joinRequestNotFound());
      return request;
    },
  };
  return service;
};
