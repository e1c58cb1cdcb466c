import type { MigrationInterface } from 'typeorm';
import { HOOKLINE_MIGRATIONS } from '../storage/migrations';

/** One shipped migration, instantiated, with the timestamp its class name ends in (as TypeORM reads it). */
export interface ShippedMigration {
  name: string;
  timestamp: number;
  instance: MigrationInterface;
}

/** HOOKLINE_MIGRATIONS, oldest first. */
export function shippedMigrations(): ShippedMigration[] {
  return HOOKLINE_MIGRATIONS.map((Migration) => {
    const instance = new Migration();
    return { name: instance.name, timestamp: Number(instance.name.slice(-13)), instance };
  }).sort((a, b) => a.timestamp - b.timestamp);
}
