'use strict';
const fs = require('node:fs');
const path = require('node:path');

const PACKAGES = ['@hookline/core', '@hookline/nestjs', 'bullmq', 'ioredis', 'typeorm', 'pg', 'better-sqlite3', 'axios', 'undici', 'standardwebhooks'];
const NODE_MODULES = path.join(__dirname, '..', '..', 'node_modules');

/** Installed versions of everything the bench exercises. */
function packageVersions() {
  const versions = {};
  for (const name of PACKAGES) {
    try {
      versions[name] = JSON.parse(fs.readFileSync(path.join(NODE_MODULES, name, 'package.json'), 'utf8')).version;
    } catch {
      versions[name] = 'unavailable';
    }
  }
  return versions;
}

module.exports = { packageVersions };
