import { Client } from 'pg';
import { DedicatedPostgres } from '../support/dedicated-postgres';
it('starts, restarts', async () => {
  const pg = new DedicatedPostgres();
  let t = Date.now();
  await pg.start();
  console.log('start', Date.now() - t, pg.url);
  t = Date.now(); await pg.stop(); console.log('stop', Date.now() - t);
  t = Date.now(); await pg.start(); console.log('restart', Date.now() - t);
  const c = new Client({ connectionString: pg.url }); await c.connect(); console.log((await c.query('select version()')).rows); await c.end();
  await pg.dispose();
}, 60000);
