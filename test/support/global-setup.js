// Suites that start worker processes run the compiled packages: make sure dist is current (the dashboard's files included).
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async function globalSetup() {
  const root = join(__dirname, '..', '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'packages/core', 'packages/engine', 'packages/nestjs', 'apps/demo'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'packages', 'nestjs', 'scripts', 'copy-dashboard-assets.js')], { stdio: 'inherit' });
};
