import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'koa';
import { apiDescription } from '@ventalis/contracts/api-description';
import { refusal } from '@ventalis/contracts';
import { notFound } from '../../../utils/validation';

/**
 * GET /api/openapi.json: the OpenAPI 3.1 document generated from the shared schemas
 * (packages/contracts/src/api-description.ts), made once per process. GET /api/docs: Swagger
 * UI reading it, served from the swagger-ui-dist package (no script from elsewhere).
 */
let document: string | undefined;
const documentJson = () => (document ??= JSON.stringify(apiDescription(process.env.npm_package_version ?? '1')));

const SWAGGER_UI = path.dirname(require.resolve('swagger-ui-dist/package.json'));
/** What the page loads: Swagger UI's own files, and the line that points it at the document. */
const ASSETS: Record<string, { type: string; body: () => Promise<string | Buffer> }> = {
  'swagger-ui.css': { type: 'text/css; charset=utf-8', body: () => readFile(path.join(SWAGGER_UI, 'swagger-ui.css')) },
  'swagger-ui-bundle.js': { type: 'text/javascript; charset=utf-8', body: () => readFile(path.join(SWAGGER_UI, 'swagger-ui-bundle.js')) },
  'start.js': {
    type: 'text/javascript; charset=utf-8',
    // The document beside this page (/api/docs → /api/openapi.json), wherever a proxy mounts the API.
    body: async () => "window.addEventListener('load', () => { window.ui = SwaggerUIBundle({ url: location.pathname.replace(/\\/docs\\/?$/, '/openapi.json'), dom_id: '#api', deepLinking: true }); });\n",
  },
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ventalis API</title>
<link rel="stylesheet" href="docs/swagger-ui.css">
</head>
<body>
<div id="api"><p>The description of the API is at <a href="openapi.json">/api/openapi.json</a>.</p></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/start.js"></script>
</body>
</html>
`;

export default {
  async document(ctx: Context) {
    ctx.type = 'application/json; charset=utf-8';
    ctx.set('cache-control', 'public, max-age=300');
    ctx.body = documentJson();
  },

  async page(ctx: Context) {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = PAGE;
  },

  async asset(ctx: Context) {
    const asset = Object.hasOwn(ASSETS, ctx.params.file) ? ASSETS[ctx.params.file] : undefined;
    if (!asset) throw notFound(refusal('request.not_found', 'No such file'));
    ctx.type = asset.type;
    ctx.set('cache-control', 'public, max-age=86400');
    ctx.body = await asset.body();
  },
};
