import type { LayoutServerLoad } from './$types';

/** Pages get the minimal user (id, email, role, name), never the tokens. */
export const load: LayoutServerLoad = ({ locals }) => ({ user: locals.user, preview: locals.preview });
