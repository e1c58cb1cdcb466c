'use strict';
// Summarizes a .cpuprofile (from `npm run bench -- --cpu-prof`): self time by function and by
// package, so the hot spots show without opening a flame graph.
//   node bench/tools/profile-summary.js bench/results/profiles/<file>.cpuprofile [top]
const fs = require('node:fs');

function main() {
  const [file, topArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: node bench/tools/profile-summary.js <file.cpuprofile> [top]');
  const top = Number(topArg ?? 40);
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map();
  const byPackage = new Map();
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id);
    const url = callFrame.url || '(native)';
    const where = url.replace(/^file:\/\//, '').replace(/.*\/node_modules\//, 'nm:').replace(/.*\/packages\//, 'pkg:');
    const fn = `${callFrame.functionName || '(anonymous)'}  ${where}:${callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
    const pkg = where.startsWith('nm:')
      ? where.slice(3).split('/').slice(0, where.slice(3).startsWith('@') ? 2 : 1).join('/')
      : where.startsWith('pkg:')
        ? where.slice(4).split('/').slice(0, 1).join('/')
        : where.startsWith('node:')
          ? where
          : callFrame.functionName.startsWith('(') ? callFrame.functionName : url ? 'other' : '(native)';
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
  }
  const show = (title, map, n) => {
    console.log(`\n${title}`);
    for (const [name, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
      console.log(`${((100 * micros) / total).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}`);
    }
  };
  console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
  show('By package', byPackage, 25);
  show('By function (self time)', byFunction, top);
}

main();
