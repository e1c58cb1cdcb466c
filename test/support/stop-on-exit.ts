const cleanups = new Set<() => void>();
let hooked = false;

/**
 * Runs `cleanup` (synchronous) if the test process exits before the suite's own afterAll did,
 * e.g. after a crash or a forced exit, so no server or worker process outlives the tests.
 * Returns the function that unregisters it once the suite cleaned up by itself.
 */
export function stopOnExit(cleanup: () => void): () => void {
  if (!hooked) process.once('exit', runAll);
  hooked = true;
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}

function runAll(): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Exiting anyway.
    }
  }
  cleanups.clear();
}
