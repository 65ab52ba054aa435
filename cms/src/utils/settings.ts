/**
 * Settings read from the environment. In production every secret must be set:
 * a missing one stops the start with one clear line instead of a stack trace later.
 * Elsewhere a fixed local default keeps a fresh clone running with no configuration.
 */
type Env = { (key: string, fallback?: string): string | undefined };

export const isProduction = () => process.env.NODE_ENV === 'production';

export function refuseToStart(message: string): never {
  process.stderr.write(`ventalis cms: ${message}\n`);
  process.exit(1);
}

export function requiredSetting(env: Env, name: string, localDefault: string): string {
  const value = env(name);
  if (value !== undefined && value !== '') return value;
  if (isProduction()) {
    refuseToStart(`missing required setting ${name} in production (see cms/.env.example)`);
  }
  return localDefault;
}
