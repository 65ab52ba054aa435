import type { Context } from 'koa';
import { z } from 'zod';
import { invitationAcceptSchema, invitationCreateSchema, joinApproveSchema, joinRefuseSchema, memberUpdateSchema } from '@ventalis/contracts';
import { parseInput } from '../../../utils/validation';
import { getService } from '../../../utils/services';

const userId = (ctx: Context) => (ctx.state.user as { id: number }).id;
const members = () => getService('company.members');

/** A numeric id from the address; anything else names nothing (the service's own 404). */
const idParam = (ctx: Context) => (/^[1-9]\d{0,15}$/.test(String(ctx.params.id)) ? Number(ctx.params.id) : 0);
/** Someone signed in accepts for their own account: nothing to send. */
const nothing = z.strictObject({});

export default {
  async overview(ctx: Context) {
    ctx.body = { data: await members().overview(userId(ctx)) };
  },

  async invite(ctx: Context) {
    const input = parseInput(invitationCreateSchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await members().invite(userId(ctx), input) };
  },

  async revokeInvitation(ctx: Context) {
    await members().revokeInvitation(userId(ctx), idParam(ctx));
    ctx.body = { data: { revoked: true } };
  },

  async previewInvitation(ctx: Context) {
    ctx.body = { data: await members().previewInvitation(String(ctx.params.token)) };
  },

  async acceptInvitation(ctx: Context) {
    const token = String(ctx.params.token);
    const user = ctx.state.user as { id: number } | undefined;
    if (user) parseInput(nothing, ctx.request.body);
    const accepting = user ? { signedInId: user.id } : { input: parseInput(invitationAcceptSchema, ctx.request.body) };
    ctx.status = user ? 200 : 201;
    ctx.body = { data: await members().acceptInvitation(token, accepting) };
  },

  async updateMember(ctx: Context) {
    const changes = parseInput(memberUpdateSchema, ctx.request.body);
    ctx.body = { data: await members().updateMember(userId(ctx), idParam(ctx), changes) };
  },

  async removeMember(ctx: Context) {
    const me = userId(ctx);
    await members().removeMember(me, ctx.params.id === 'me' ? me : idParam(ctx));
    ctx.body = { data: { removed: true } };
  },

  async joinRequests(ctx: Context) {
    ctx.body = { data: await members().joinRequests(userId(ctx)) };
  },

  async approveJoinRequest(ctx: Context) {
    const { role } = parseInput(joinApproveSchema, ctx.request.body);
    ctx.body = { data: await members().approveJoinRequest(userId(ctx), idParam(ctx), role) };
  },

  async refuseJoinRequest(ctx: Context) {
    const { comment } = parseInput(joinRefuseSchema, ctx.request.body);
    await members().refuseJoinRequest(userId(ctx), idParam(ctx), comment);
    ctx.body = { data: { refused: true } };
  },
};
