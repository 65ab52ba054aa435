import type { Context } from 'koa';
import { z } from 'zod';
import { historyQuerySchema, markReadSchema, messageBodySchema } from '@ventalis/contracts';
import { parseInput } from '../../../utils/validation';
import { getService } from '../../../utils/services';

/** The request, parsed, once its session is known to be current. */
async function fromCurrentSession<T extends { member: { kind: 'user' | 'admin'; id: number }; generation: string }>(schema: z.ZodType<T>, body: unknown): Promise<T> {
  const request = parseInput(schema, body);
  await getService('conversation.sessions').assertCurrent(request.member, request.generation);
  return request;
}

/**
 * What the chat-server asks on behalf of a connected member (whose ticket it checked), with
 * the session generation the ticket carried: once that session has ended (password reset,
 * block, deletion) every call is refused with 401. Every decision stays here: the
 * conversation services check the member's rights as for REST.
 */
const member = z.strictObject({ kind: z.enum(['user', 'admin']), id: z.number().int().positive() });
const session = { member, generation: z.string({ error: 'generation is the ticket\'s session generation' }).min(1).max(64) };
const inConversation = { ...session, conversationId: z.number({ error: 'conversationId must be a conversation id' }).int().positive('conversationId must be a conversation id') };

const historyRequest = z.strictObject({ ...inConversation, page: historyQuerySchema });
const sendRequest = z.strictObject({ ...inConversation, ...messageBodySchema.shape });
const readRequest = z.strictObject({ ...inConversation, ...markReadSchema.shape });
const memberRequest = z.strictObject(session);
const seenRequest = z.strictObject({ members: z.array(member).max(1000, 'Report at most 1,000 members at a time') });

export default {
  async conversations(ctx: Context) {
    const request = await fromCurrentSession(memberRequest, ctx.request.body);
    ctx.body = { data: await getService('conversation.summaries').listFor(request.member) };
  },

  /** Members with a socket open on the reporting chat-server: seen now. */
  async seen(ctx: Context) {
    const request = parseInput(seenRequest, ctx.request.body);
    await getService('conversation.presence').seen(request.members);
    ctx.status = 204;
  },

  async memberships(ctx: Context) {
    const request = await fromCurrentSession(memberRequest, ctx.request.body);
    ctx.body = { data: await getService('conversation.summaries').membershipsOf(request.member) };
  },

  async history(ctx: Context) {
    const request = await fromCurrentSession(historyRequest, ctx.request.body);
    ctx.body = { data: await getService('conversation.summaries').history(request.member, request.conversationId, request.page) };
  },

  async send(ctx: Context) {
    const request = await fromCurrentSession(sendRequest, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('conversation.messages').send(request.member, request.conversationId, request.body) };
  },

  async read(ctx: Context) {
    const request = await fromCurrentSession(readRequest, ctx.request.body);
    const read = await getService('conversation.messages').markRead(request.member, request.conversationId, request.upTo);
    ctx.body = { data: { ...read, recipients: await getService('conversation.summaries').participantsOf(request.conversationId) } };
  },
};
