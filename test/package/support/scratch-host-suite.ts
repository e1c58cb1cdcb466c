import { TestReceiver } from '../../support/receiver';
import type { FreshDatabase } from './fresh-databases';
import type { ScratchApp } from './scratch-app';

export interface ScratchHostSuite {
  receiver: TestReceiver;
  /** The app's own database; set once beforeAll ran. */
  readonly database: FreshDatabase;
}

/**
 * The lifecycle of a describe block around one scratch app: a receiver, a fresh database when asked,
 * the install (specs read late: the tarballs are packed in an earlier beforeAll) and the compile
 * before; after, everything stopped, the database dropped, `cleanUp` run and the folder removed.
 */
export function scratchHostSuite(
  app: ScratchApp,
  installSpecs: () => string[],
  { database: makeDatabase, cleanUp }: { database?: () => Promise<FreshDatabase>; cleanUp?: () => Promise<void> } = {},
): ScratchHostSuite {
  const receiver = new TestReceiver();
  let database: FreshDatabase | undefined;

  beforeAll(async () => {
    await receiver.start();
    database = await makeDatabase?.();
    await app.install(installSpecs());
    await app.compile();
  });

  afterAll(async () => {
    await app.stop();
    await receiver.stop();
    await database?.drop();
    await cleanUp?.();
    app.dispose();
  });

  return {
    receiver,
    get database() {
      if (!database) throw new Error('The scratch host has a database once beforeAll ran, when asked for one');
      return database;
    },
  };
}
