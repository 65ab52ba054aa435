import { rm } from 'node:fs/promises';
import type { Context } from 'koa';

type UploadedFile = { filepath?: string };

/** Every file of a multipart request, whatever its field (formidable writes each to a temporary file). */
export const uploadedPaths = (ctx: Context): string[] => {
  const files = (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[]> }).files ?? {};
  return Object.values(files)
    .flat()
    .map((file) => file?.filepath)
    .filter((path): path is string => typeof path === 'string');
};

/**
 * Removes the temporary files of a multipart request once it is answered, whichever route
 * it was sent to and whether it was refused or not. Strapi's body parser only removes those of
 * a field named `files` (the media library's): a CSV sent as `file` to the quick order, or a
 * file sent where none is expected (by someone not signed in, say), would stay on disk.
 * Placed right after strapi::body, it runs before that parser forgets the files.
 */
export default () => async (ctx: Context, next: () => Promise<void>) => {
  try {
    await next();
  } finally {
    const paths = uploadedPaths(ctx);
    if (paths.length > 0) await Promise.all(paths.map((path) => rm(path, { force: true })));
  }
};
