import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Relative imports and `/// <reference path>`s in a package's .d.ts files that point outside it. */
export function escapingTypeReferences(packageDir: string): string[] {
  const found: string[] = [];
  for (const file of walk(join(packageDir, 'dist')).filter((path) => path.endsWith('.d.ts'))) {
    const text = readFileSync(file, 'utf8');
    for (const [, target] of text.matchAll(/(?:from\s+|import\(|reference path=)["']([^"']+)["']/g)) {
      if (!target.startsWith('.')) continue;
      const resolved = resolve(dirname(file), target);
      if (relative(packageDir, resolved).startsWith('..')) found.push(`${relative(packageDir, file)} -> ${target}`);
    }
    if (/packages\/(core|engine|nestjs)\/src|\/work\//.test(text)) found.push(`${relative(packageDir, file)} names a monorepo path`);
  }
  return found;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
