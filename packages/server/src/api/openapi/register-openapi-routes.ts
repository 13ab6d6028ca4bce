// Serves the OpenAPI documents (every surface at /openapi.json, and each surface beside its routes) and the
// rendered reference at /docs: Swagger UI's static bundle from node_modules, so the page works offline.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain-error.ts';
import { openApiDocumentJson, type DocumentSurface } from './build-openapi-document.ts';
import { compressAsset, lazyAsset, sendAsset, type CompressedAsset } from './compressed-asset.ts';
import { DOCS_ASSETS_PREFIX, DOCS_PATH, OPENAPI_DOCUMENT_PATHS } from './public-surface.ts';

const SWAGGER_UI_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** Relative URLs throughout, so the page also works behind a proxy that mounts the API under a prefix. */
const REFERENCE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Polyforge API reference</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="docs/assets/swagger-ui-bundle.js"></script>
<script src="docs/assets/polyforge-docs.js"></script>
</body>
</html>
`;

// validatorUrl null: Swagger UI would otherwise send the document to an online validator
const STARTER_SCRIPT = `window.ui = SwaggerUIBundle({ url: 'openapi.json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null });\n`;

const fromSwaggerUi = (fileName: string, contentType: string) =>
  lazyAsset(() => compressAsset(contentType, fs.readFileSync(path.join(SWAGGER_UI_DIR, fileName))));

const ASSETS: Record<string, () => CompressedAsset> = {
  'swagger-ui-bundle.js': fromSwaggerUi('swagger-ui-bundle.js', 'application/javascript; charset=utf-8'),
  'swagger-ui.css': fromSwaggerUi('swagger-ui.css', 'text/css; charset=utf-8'),
  'polyforge-docs.js': lazyAsset(() =>
    compressAsset('application/javascript; charset=utf-8', Buffer.from(STARTER_SCRIPT)),
  ),
};

const referencePage = lazyAsset(() => compressAsset('text/html; charset=utf-8', Buffer.from(REFERENCE_PAGE)));
const documents = Object.fromEntries(
  (Object.keys(OPENAPI_DOCUMENT_PATHS) as DocumentSurface[]).map((surface) => [
    surface,
    lazyAsset(() => compressAsset('application/json; charset=utf-8', Buffer.from(openApiDocumentJson(surface)))),
  ]),
) as Record<DocumentSurface, () => CompressedAsset>;

const DOCUMENT_CACHE = 'public, max-age=300';
const ASSET_CACHE = 'public, max-age=86400';

export function registerOpenApiRoutes(app: FastifyInstance): void {
  for (const [surface, documentPath] of Object.entries(OPENAPI_DOCUMENT_PATHS) as [DocumentSurface, string][]) {
    app.get(documentPath, async (request, reply) => sendAsset(request, reply, documents[surface](), DOCUMENT_CACHE));
  }
  app.get(DOCS_PATH, async (request, reply) => sendAsset(request, reply, referencePage(), DOCUMENT_CACHE));
  app.get<{ Params: { fileName: string } }>(`${DOCS_ASSETS_PREFIX}/:fileName`, async (request, reply) => {
    const asset = Object.hasOwn(ASSETS, request.params.fileName) ? ASSETS[request.params.fileName] : undefined;
    if (!asset) throw new DomainError('routeNotFound', `no reference asset ${request.params.fileName}`);
    return sendAsset(request, reply, asset(), ASSET_CACHE);
  });
}

/** Documents served without an API key, though two of them sit under the API prefixes. */
export function isPublicDocumentUrl(url: string): boolean {
  const pathOnly = url.split('?')[0];
  return pathOnly === OPENAPI_DOCUMENT_PATHS.v2 || pathOnly === OPENAPI_DOCUMENT_PATHS.v3;
}
