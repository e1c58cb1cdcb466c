// The dashboard's page, styles and browser modules are plain files, not TypeScript: tsc leaves
// them out of dist, so the build copies them there, unchanged, beside the compiled server code.
const { cpSync, mkdirSync, rmSync } = require('node:fs');
const { extname, join } = require('node:path');

const SHIPPED = new Set(['.html', '.css', '.js', '.svg']);
const from = join(__dirname, '..', 'src', 'dashboard', 'assets');
const to = join(__dirname, '..', 'dist', 'dashboard', 'assets');

rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
cpSync(from, to, { recursive: true, filter: (source) => source === from || SHIPPED.has(extname(source)) });
