import { timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/** The chat-server's own calls: the shared CHAT_SECRET as a bearer token, nobody else. */
export default (policyContext: { request: { header: Record<string, string | undefined> } }, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const given = Buffer.from((policyContext.request.header.authorization ?? '').replace(/^Bearer /, ''));
  const expected = Buffer.from(strapi.config.get('ventalis.chat.secret') as string);
  return given.length === expected.length && timingSafeEqual(given, expected);
};
