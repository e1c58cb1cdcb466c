import type { DataSource, QueryRunner } from 'typeorm';

/**
 * A stand-in QueryRunner that records each statement instead of running it: Hookline's migrations only
 * call `query()` and read `connection`, so what it records is exactly what `up` would run.
 */
export function recordingQueryRunner(dataSource: DataSource, statements: string[]): QueryRunner {
  const recorder = {
    connection: dataSource,
    query: async (statement: string) => {
      statements.push(statement);
      return [];
    },
  };
  return new Proxy(recorder, {
    get(target, property) {
      if (property in target) return target[property as keyof typeof target];
      throw new Error(`Hookline's migrations may only call query() to be printable, not ${String(property)}.`);
    },
  }) as unknown as QueryRunner;
}
