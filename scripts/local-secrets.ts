/**
 * The secrets `npm start` gives the services, generated once per installation and kept in an
 * ignored file beside the local database, so that no built-in value protects a running stack
 * and sessions survive a restart.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A secret's name, and how many random values it holds (Strapi's APP_KEYS is a list). */
export type SecretSpec = string | { name: string; values: number };

const generate = (values: number) =>
  Array.from({ length: values }, () => randomBytes(32).toString('base64url')).join(',');

/**
 * The secrets of `file`, with any that are missing generated and saved (mode 0600).
 * An environment variable that is already set wins over the file.
 */
export function localSecrets(file: string, specs: SecretSpec[], env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const saved: Record<string, string> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  let changed = false;
  for (const spec of specs) {
    const { name, values } = typeof spec === 'string' ? { name: spec, values: 1 } : spec;
    if (!saved[name]) {
      saved[name] = generate(values);
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  const secrets: Record<string, string> = {};
  for (const spec of specs) {
    const name = typeof spec === 'string' ? spec : spec.name;
    secrets[name] = env[name] || saved[name]!;
  }
  return secrets;
}
