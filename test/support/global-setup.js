// Suites that start worker processes run the compiled packages: make sure dist is current.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async function globalSetup() {
  const root = join(__dirname, '..', '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'packages/core', 'packages/nestjs'], { cwd: root, stdio: 'inherit' });
};
