/**
 * Compiles the message catalogue into src/lib/paraglide, as the vite plugin does when it
 * builds: for the tools that do not go through vite (svelte-check, tsc).
 *   node scripts/paraglide.ts
 */
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.config.ts';

await compile(paraglideOptions);
// The inlang SDK leaves handles open for half a minute after compiling: nothing more to wait for.
process.exit(0);
