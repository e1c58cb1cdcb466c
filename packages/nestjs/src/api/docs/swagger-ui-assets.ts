import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Swagger UI files the docs page loads, served from the swagger-ui-dist package. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const cache = new Map<string, Buffer>();

/** The file and its content type, or undefined for anything not on the list. */
export function swaggerUiAsset(name: string): { body: Buffer; contentType: string } | undefined {
  const contentType = Object.prototype.hasOwnProperty.call(ASSETS, name) ? ASSETS[name] : undefined;
  if (!contentType) return undefined;
  let body = cache.get(name);
  if (!body) {
    body = readFileSync(join(swaggerUiDistPath(), name));
    cache.set(name, body);
  }
  return { body, contentType };
}

function swaggerUiDistPath(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped; the package index would load the whole UI bundle into Node
  return (require('swagger-ui-dist/absolute-path.js') as () => string)();
}

/** The docs page; `base` is the page's own path, under which its assets are served. */
export function swaggerUiPage(base: string): string {
  const at = (file: string) => escapeHtml(`${base}/${file}`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Hookline webhooks API</title>
  <link rel="stylesheet" href="${at('swagger-ui.css')}">
  <link rel="icon" type="image/png" href="${at('favicon-32x32.png')}">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${at('swagger-ui-bundle.js')}"></script>
  <script src="${at('swagger-ui-standalone-preset.js')}"></script>
  <script src="${at('swagger-ui-init.js')}"></script>
</body>
</html>
`;
}

/**
 * Kept out of the page so a strict Content-Security-Policy (no inline scripts) still works. The
 * base layout has no top bar: its logo is an SVG with an inline <style> that policy refuses,
 * and its URL box has nothing to explore here (the page shows one fixed document).
 */
export function swaggerUiInit(documentUrl: string): string {
  return `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(documentUrl)},
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'BaseLayout',
});
`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
