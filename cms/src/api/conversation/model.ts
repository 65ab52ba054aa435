import type { Core } from '@strapi/strapi';
import type { MemberKind } from '@ventalis/contracts';

/** The conversation model's content types, and the accounts members are. */
export const USER = 'plugin::users-permissions.user';
export const ADMIN = 'admin::user';
export const CONVERSATION = 'api::conversation.conversation';
export const PARTICIPANT = 'api::conversation.conversation-participant';
export const MESSAGE = 'api::conversation.message';

/** Who is asking: a storefront account or a panel administrator. */
export interface Member {
  kind: MemberKind;
  id: number;
}

/** A row as Strapi's query engine returns it. */
export type Row = Record<string, any>;

export const NOT_YOURS = 'No conversation of yours has this id';
export const sameMember = (a: Member, b: Member) => a.kind === b.kind && a.id === b.id;
/** A participant row's filter on its member. */
export const memberWhere = (member: Member) => (member.kind === 'user' ? { user: { id: member.id } } : { admin: { id: member.id } });
export const memberOfParticipant = (p: Row): Member | null => (p.user ? { kind: 'user', id: p.user.id } : p.admin ? { kind: 'admin', id: p.admin.id } : null);

/** A new conversation with its first members, who have read nothing yet. */
export async function createConversation(strapi: Core.Strapi, data: { order?: number; quote?: number; company?: number }, members: Member[]): Promise<number> {
  const conversation = await strapi.db.query(CONVERSATION).create({ data: { ...data, lastMessageAt: null } });
  for (const member of members) {
    await strapi.db.query(PARTICIPANT).create({ data: { conversation: conversation.id, ...(member.kind === 'user' ? { user: member.id } : { admin: member.id }), lastReadMessageId: 0, active: true } });
  }
  return conversation.id;
}
