import { spawn } from 'node:child_process';
import { join } from 'node:path';

const WATCHDOG = join(__dirname, '..', 'fixtures', 'watchdog.js');

/**
 * Until the returned function is called, runs `command` (a shell command) if the test process
 * dies first. A detached watchdog process does it: neither a crash of the test process nor
 * Jest's sandbox (whose `process` never emits 'exit') can skip it.
 */
export function cleanUpIfKilled(command: string): () => void {
  const watchdog = spawn(process.execPath, [WATCHDOG, String(process.pid), command], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  return () => void watchdog.kill('SIGKILL');
}
