import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(__dirname, '..', '..');
const engineSource = join(root, 'packages', 'engine', 'src');

/**
 * The engine's folders in the order one event flows through them, lowest first: a folder may
 * import its own layer and the ones below, never one above. The services the API uses sit
 * together above the worker; the runtime wires everything.
 */
const LAYERS = [
  ['options'],
  // rate-limits: the token bucket lives in the subscription's row, read by the claim and written by the gate.
  ['storage', 'paging', 'secrets', 'tracing', 'rate-limits'],
  ['queue'],
  ['publishing'],
  ['worker'],
  ['subscriptions', 'deliveries', 'messages', 'stats', 'api-keys', 'portal', 'retention', 'test-events', 'operations', 'inbox', 'migrate'],
  ['runtime'],
  // The test kit wraps a runtime; only its own entry point (`@hookline/engine/testing`) leads to it.
  ['testing'],
];
const layerOf = (folder: string) => LAYERS.findIndex((layer) => layer.includes(folder));

interface Import {
  file: string;
  target: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.spec(-helper)?\.ts$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map(([, target]) => ({ file, target }));
}

const folderOf = (path: string) => relative(engineSource, path).split('/')[0];
const engineImports = sourceFiles(engineSource).flatMap(importsOf);

describe('the engine layout', () => {
  it('names every top-level folder in one layer', () => {
    const folders = readdirSync(engineSource).filter((name) => statSync(join(engineSource, name)).isDirectory());
    expect(folders.filter((folder) => layerOf(folder) < 0)).toEqual([]);
  });

  it('has no folder importing a folder of a higher layer', () => {
    const upward = engineImports
      // index.ts, the entry point, sits above every layer.
      .filter(({ file, target }) => target.startsWith('.') && dirname(file) !== engineSource)
      .map(({ file, target }) => ({ from: folderOf(file), to: folderOf(resolve(dirname(file), target)), where: `${relative(engineSource, file)} -> ${target}` }))
      .filter(({ from, to }) => from !== to && layerOf(to) > layerOf(from));
    expect(upward.map(({ where }) => where)).toEqual([]);
  });

  it('imports nothing of Nest or of the adapter, and BullMQ only inside its driver', () => {
    const forbidden = engineImports.filter(({ file, target }) => {
      if (/^@nestjs\/|^@hookline\/nestjs$/.test(target)) return true;
      return /^(bullmq|ioredis)$/.test(target) && !relative(engineSource, file).startsWith('queue/bullmq/') && !/import type/.test(readFileSync(file, 'utf8').split('\n').find((line) => line.includes(`'${target}'`)) ?? '');
    });
    expect(forbidden.map(({ file, target }) => `${relative(engineSource, file)} -> ${target}`)).toEqual([]);
  });

  it('is reached from the adapter only through its entry point', () => {
    const adapterImports = sourceFiles(join(root, 'packages', 'nestjs', 'src')).flatMap(importsOf);
    const deep = adapterImports.filter(({ file, target }) => (/@hookline\/engine\/|packages\/engine/.test(target) && target !== '@hookline/engine/testing') || (target.startsWith('.') && !resolve(dirname(file), target).startsWith(join(root, 'packages', 'nestjs'))));
    expect(deep.map(({ file, target }) => `${relative(root, file)} -> ${target}`)).toEqual([]);
  });

  it('keeps the test kit out of the main entry points: only testing/ imports it', () => {
    const adapterSource = join(root, 'packages', 'nestjs', 'src');
    const all = [...engineImports, ...sourceFiles(adapterSource).flatMap(importsOf)];
    const inTesting = (file: string) => /\/src\/testing\//.test(file);
    const leaks = all.filter(({ file, target }) => !inTesting(file) && (/\/testing$/.test(target) || (target.startsWith('.') && inTesting(resolve(dirname(file), target) + '/'))));
    expect(leaks.map(({ file, target }) => `${relative(root, file)} -> ${target}`)).toEqual([]);
  });
});
