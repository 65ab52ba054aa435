import type { Reroute } from '@sveltejs/kit/hooks';
import { deLocalizeUrl } from '#lib/paraglide/runtime.js';

/** /fr/catalogue and /en/catalogue are both the route /catalogue: the prefix only says the language. */
export const reroute: Reroute = ({ url }) => deLocalizeUrl(url).pathname;
