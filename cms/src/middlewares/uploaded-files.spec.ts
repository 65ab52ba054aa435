import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Context } from 'koa';
import { describe, expect, test } from 'vitest';
import uploadedFiles from './uploaded-files';

const uploads = async (...names: string[]) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'ventalis-uploads-'));
  const paths = names.map((name) => path.join(dir, name));
  for (const file of paths) await writeFile(file, 'VT-BOX-S;1000');
  return paths;
};

describe('the temporary files of a multipart request', () => {
  test('are removed once it is answered, whatever their field', async () => {
    const [file, first, second] = await uploads('file', 'first', 'second');
    const ctx = { request: { files: { file: { filepath: file }, other: [{ filepath: first }, { filepath: second }] } } } as unknown as Context;
    await uploadedFiles()(ctx, async () => {
      expect(existsSync(file)).toBe(true);
    });
    expect([file, first, second].map((p) => existsSync(p))).toEqual([false, false, false]);
  });

  test('are removed when the request is refused too', async () => {
    const [file] = await uploads('file');
    const ctx = { request: { files: { file: { filepath: file } } } } as unknown as Context;
    await expect(
      uploadedFiles()(ctx, async () => {
        throw new Error('Forbidden');
      }),
    ).rejects.toThrow('Forbidden');
    expect(existsSync(file)).toBe(false);
  });
});
