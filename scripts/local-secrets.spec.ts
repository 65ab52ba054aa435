import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localSecrets } from './local-secrets.ts';
import { root } from './lib.ts';

describe('npm start secrets', () => {
  it('generates each secret once per installation, private to its owner, and reuses it', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'secrets-')), 'local-secrets.json');
    const first = localSecrets(file, [{ name: 'APP_KEYS', values: 2 }, 'PREVIEW_SECRET'], {});
    expect(first.PREVIEW_SECRET).toMatch(/^[\w-]{43}$/);
    expect(first.PREVIEW_SECRET).not.toMatch(/local/);
    expect(first.APP_KEYS!.split(',')).toHaveLength(2);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const again = localSecrets(file, [{ name: 'APP_KEYS', values: 2 }, 'PREVIEW_SECRET', 'CHAT_SECRET'], {});
    expect(again.PREVIEW_SECRET).toBe(first.PREVIEW_SECRET);
    expect(again.APP_KEYS).toBe(first.APP_KEYS);
    expect(again.CHAT_SECRET).toMatch(/^[\w-]{43}$/);
    expect(JSON.parse(readFileSync(file, 'utf8')).CHAT_SECRET).toBe(again.CHAT_SECRET);
  });

  it('lets a secret set in the environment win over the saved one', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'secrets-')), 'local-secrets.json');
    expect(localSecrets(file, ['PREVIEW_SECRET'], { PREVIEW_SECRET: 'from-the-environment' }).PREVIEW_SECRET).toBe('from-the-environment');
  });

  it('keeps the file npm start uses out of git', () => {
    expect(execFileSync('git', ['check-ignore', '.tmp/local-secrets.json'], { cwd: root, encoding: 'utf8' }).trim()).toBe('.tmp/local-secrets.json');
  });
});
