import type { Reroute } from '@sveltejs/kit/hooks';
import { withoutPrefix } from '#lib/locale-prefix.ts';

/** /fr/catalogue and /en/catalogue are both the route /catalogue: the prefix only says the language. */
export const reroute: Reroute = ({ url }) => withoutPrefix(url.pathname);
