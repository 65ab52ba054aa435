import type { Context } from 'koa';
import { z } from 'zod';
import { historyQuerySchema, markReadSchema, messageBodySchema } from '@ventalis/contracts';
import { parseInput } from '../../../utils/validation';
import { getService } from '../../../utils/services';

/**
 * What the chat-server asks on behalf of a connected member (whose ticket it checked).
 * Every decision stays here: the chat service checks the member's rights as for REST.
 */
const member = z.strictObject({ kind: z.enum(['user', 'admin']), id: z.number().int().positive() });
const inConversation = { member, conversationId: z.number({ error: 'conversationId must be a conversation id' }).int().positive('conversationId must be a conversation id') };

const historyRequest = z.strictObject({ ...inConversation, page: historyQuerySchema });
const sendRequest = z.strictObject({ ...inConversation, ...messageBodySchema.shape });
const readRequest = z.strictObject({ ...inConversation, ...markReadSchema.shape });
const memberRequest = z.strictObject({ member });
const seenRequest = z.strictObject({ members: z.array(member).max(1000, 'Report at most 1,000 members at a time') });

export default {
  async conversations(ctx: Context) {
    const request = parseInput(memberRequest, ctx.request.body);
    ctx.body = { data: await getService('conversation.chat').listFor(request.member) };
  },

  /** Members with a socket open on the reporting chat-server: seen now. */
  async seen(ctx: Context) {
    const request = parseInput(seenRequest, ctx.request.body);
    await getService('conversation.chat').seen(request.members);
    ctx.status = 204;
  },

  async memberships(ctx: Context) {
    const request = parseInput(memberRequest, ctx.request.body);
    ctx.body = { data: await getService('conversation.chat').membershipsOf(request.member) };
  },

  async history(ctx: Context) {
    const request = parseInput(historyRequest, ctx.request.body);
    ctx.body = { data: await getService('conversation.chat').history(request.member, request.conversationId, request.page) };
  },

  async send(ctx: Context) {
    const request = parseInput(sendRequest, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('conversation.chat').send(request.member, request.conversationId, request.body) };
  },

  async read(ctx: Context) {
    const request = parseInput(readRequest, ctx.request.body);
    const chat = getService('conversation.chat');
    const read = await chat.markRead(request.member, request.conversationId, request.upTo);
    ctx.body = { data: { ...read, recipients: await chat.participantsOf(request.conversationId) } };
  },
};
