import type { TestDriver } from './drivers';
import { TestReceiver } from './receiver';

/**
 * The lifecycle of a suite that runs an app on one driver and delivers to a TestReceiver: both
 * set up before the suite (`start` builds the app), torn down after it, and the receiver cleared
 * and answering 200 before each test. Returns the receiver.
 */
export function receiverSuite(makeDriver: () => TestDriver, start: (driver: TestDriver) => Promise<{ close(): Promise<void> }>): TestReceiver {
  const driver = makeDriver();
  const receiver = new TestReceiver();
  let app: { close(): Promise<void> } | undefined;

  beforeAll(async () => {
    await driver.setUp();
    await receiver.start();
    app = await start(driver);
  });

  afterAll(async () => {
    await app?.close();
    await receiver.stop();
    await driver.tearDown();
  });

  beforeEach(() => {
    receiver.requests.length = 0;
    receiver.respond = () => ({ status: 200, body: 'ok' });
  });

  return receiver;
}
