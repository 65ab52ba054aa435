/**
 * Who is an administrator of Ventalis: an active panel account with the Super Admin role.
 * The panel's consultants and marketers have panel accounts too, with other roles: they are not.
 * Decided here only, for the chat, the Messages page and the Portfolios page alike.
 */
export const ADMINISTRATOR_ROLE = 'strapi-super-admin';

/** A signed-in panel account (ctx.state.user of an admin route), by its roles. */
export const isAdministrator = (user: { roles?: { code: string }[] } | undefined | null): boolean => Boolean(user?.roles?.some((role) => role.code === ADMINISTRATOR_ROLE));

/** The same rule as a query on admin::user rows. */
export const ADMINISTRATORS = { isActive: true, blocked: false, roles: { code: ADMINISTRATOR_ROLE } } as const;
