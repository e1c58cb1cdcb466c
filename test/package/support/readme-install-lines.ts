import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** Every `npm install @hookline/nestjs …` line of the README, as a user would type it. */
export function readmeInstallLines(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/^npm install @hookline\/nestjs[^\n`]*$/gm)].map((match) => match[0].trim());
}

const names = (line: string, name: string) => line.split(/\s+/).some((word) => word === name || word.startsWith(`${name}@`));

/** The one install line that names `including` and none of `excluding`, as package specs. */
export function readmeInstallLine(including: string, excluding: string[] = []): string[] {
  const lines = readmeInstallLines().filter((line) => names(line, including) && !excluding.some((name) => names(line, name)));
  if (lines.length !== 1) throw new Error(`Expected one README install line with ${including} and without ${excluding.join(', ') || 'nothing'}, found ${lines.length}.`);
  return lines[0].split(/\s+/).slice(2);
}

export function readmeText(): string {
  return readFileSync(join(root, 'README.md'), 'utf8');
}
