import { DataSource } from 'typeorm';
import { HOOKLINE_ENTITIES } from './entities';
import { valueTuples } from './insert-rows';
import { SqlRunner } from './sql-runner';

describe('SqlRunner on SQLite', () => {
  let dataSource: DataSource;
  let sql: SqlRunner;

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: HOOKLINE_ENTITIES, synchronize: true });
    await dataSource.initialize();
    sql = new SqlRunner(dataSource);
  });

  afterAll(() => dataSource.destroy());

  it('runs transactions started at once one after another, since they share one connection', async () => {
    const order: string[] = [];
    const work = (name: string) =>
      sql.transaction(async (manager) => {
        order.push(`${name} begins`);
        await manager.query('SELECT 1');
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`${name} ends`);
      });
    await Promise.all([work('a'), work('b'), work('c')]);
    expect(order).toEqual(['a begins', 'a ends', 'b begins', 'b ends', 'c begins', 'c ends']);
  });

  it('keeps taking turns after a transaction fails', async () => {
    const failing = sql.transaction(async () => {
      throw new Error('rolled back');
    });
    await expect(failing).rejects.toThrow('rolled back');
    await expect(sql.transaction(async (manager) => manager.query('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
  });

  it('binds positional VALUES lists, with casts where asked', async () => {
    const { tuples, values } = valueTuples(sql, [['a', 1], ['b', 2]], [null, 'bigint']);
    expect(tuples).toBe('(?, CAST(? AS bigint)), (?, CAST(? AS bigint))');
    const { rows } = await sql.positional<{ column1: string; column2: number }>(`SELECT * FROM (VALUES ${tuples})`, values);
    expect(rows).toEqual([{ column1: 'a', column2: 1 }, { column1: 'b', column2: 2 }]);
  });
});
