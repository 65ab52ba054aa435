/** Vitest's global setup: the message catalogue compiled (scripts/paraglide.ts) before any test imports it. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function compileMessages() {
  execFileSync(process.execPath, [path.join(import.meta.dirname, 'paraglide.ts')], { stdio: 'inherit' });
}
