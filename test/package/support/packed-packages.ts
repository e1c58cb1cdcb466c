import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

export interface PackedPackage {
  name: string;
  tarball: string;
  files: string[];
}

/** `npm pack` of the published packages, as a release would make them (prepack builds each one). */
export function packPackages(into: string): PackedPackage[] {
  const output = execFileSync('npm', ['pack', '--workspace', 'packages/core', '--workspace', 'packages/engine', '--workspace', 'packages/nestjs', '--pack-destination', into, '--json'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const packed = JSON.parse(output.slice(output.search(/^\[/m))) as { name: string; filename: string; files: { path: string }[] }[];
  return packed.map((entry) => ({ name: entry.name, tarball: join(into, entry.filename), files: entry.files.map((file) => file.path).sort() }));
}
