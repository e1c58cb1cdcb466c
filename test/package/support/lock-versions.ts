import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };

/** `name@version` with the version this repository's lock file resolves, so scratch installs match what the suites ran. */
export function pinned(name: string): string {
  const version = lock.packages[`node_modules/${name}`]?.version;
  if (!version) throw new Error(`${name} is not in package-lock.json: add it to the root devDependencies to pin it.`);
  return `${name}@${version}`;
}

/** A package spec as the README writes it (`better-sqlite3@12`), without its range. */
export function packageName(spec: string): string {
  const at = spec.indexOf('@', 1);
  return at === -1 ? spec : spec.slice(0, at);
}
