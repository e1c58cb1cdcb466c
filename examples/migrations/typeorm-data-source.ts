import { DataSource } from 'typeorm';
import { HOOKLINE_ENTITIES, HOOKLINE_MIGRATIONS } from '@hookline/nestjs';

// For `npx typeorm migration:run -d dist/data-source.js`: Hookline's migrations run beside your own.
export default new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: [...HOOKLINE_ENTITIES], // and your entities
  migrations: [...HOOKLINE_MIGRATIONS], // and your migrations, e.g. 'dist/migrations/*.js'
});
