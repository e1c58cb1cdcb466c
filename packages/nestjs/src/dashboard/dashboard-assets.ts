import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

export interface DashboardAsset {
  body: Buffer;
  contentType: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * The page's files, read once from the `assets` folder beside this module: the sources under
 * src/ when run from TypeScript, the copies the build puts in dist/ otherwise (byte for byte the same).
 */
export class DashboardAssets {
  private readonly files = new Map<string, DashboardAsset>();
  readonly pageTemplate: string;

  constructor(folder = join(__dirname, 'assets')) {
    if (!existsSync(join(folder, 'index.html'))) {
      throw new Error(`The Hookline dashboard's files are missing from ${folder}; build the package with "npm run build", which copies them.`);
    }
    this.pageTemplate = readFileSync(join(folder, 'index.html'), 'utf8');
    for (const name of readdirSync(folder)) {
      const contentType = CONTENT_TYPES[extname(name)];
      if (contentType) this.files.set(name, { body: readFileSync(join(folder, name)), contentType });
    }
  }

  /** A script, stylesheet or image by file name; undefined for anything else. */
  get(name: string): DashboardAsset | undefined {
    return this.files.get(name);
  }
}
