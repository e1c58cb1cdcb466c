// `node examples/express-app/main.js` after `npm run build`: Express on :3100, SQLite in data/.
require('reflect-metadata');
const { mkdirSync } = require('node:fs');
const { dirname } = require('node:path');
const { DataSource } = require('typeorm');
const { createHookline, HOOKLINE_ENTITIES } = require('@hookline/engine');
const { createApp, PointsEntry } = require('./app');

async function main() {
  const database = process.env.DATABASE_PATH ?? 'data/express-app.sqlite';
  mkdirSync(dirname(database), { recursive: true });
  const dataSource = await new DataSource({
    type: 'better-sqlite3',
    database,
    entities: [PointsEntry, ...HOOKLINE_ENTITIES],
    synchronize: true, // PostgreSQL: `migrations: HOOKLINE_MIGRATIONS` instead
  }).initialize();
  const hookline = createHookline(
    {
      encryptionKey: process.env.HOOKLINE_ENCRYPTION_KEY, // 32 random bytes, base64
      delivery: { allowHttp: true, allowedHosts: ['127.0.0.1'] }, // this demo's receiver is local
    },
    { dataSource },
  );
  await hookline.start();
  const server = createApp({ dataSource, hookline }).listen(Number(process.env.PORT ?? 3100), '127.0.0.1', () => {
    console.log(`express-app listening on http://127.0.0.1:${server.address().port}`);
  });
  process.once('SIGTERM', () => {
    server.close(async () => {
      await hookline.stop(); // lets attempts in flight finish
      await dataSource.destroy();
    });
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
