import { MissingDependencyError } from './missing-dependency-error';

export interface OptionalDependencies {
  /** The packages the feature loads, as they are named on npm. */
  packages: readonly string[];
  /** The option that needs them, in the words of the README (e.g. `queue.driver: 'bullmq'`). */
  neededFor: string;
  /** JSON pointer of that option, for the error. */
  pointer?: string;
}

/**
 * Checks that every package an optional feature loads is installed, before the feature's own
 * modules are required: a missing one fails with the exact `npm install` line instead of a bare
 * "Cannot find module" from deep inside the feature. `load` is the caller's `require`, so
 * packages resolve from where the caller sits, as they will when the feature loads them.
 */
export function assertInstalled(dependencies: OptionalDependencies, load: (name: string) => unknown): void {
  const missing = dependencies.packages.filter((name) => !isInstalled(name, load));
  if (missing.length === 0) return;
  const names = missing.map((name) => `"${name}"`).join(', ');
  throw new MissingDependencyError(
    `${dependencies.neededFor} needs ${names}, which ${missing.length === 1 ? 'is' : 'are'} not installed. ` +
      `Run: npm install ${missing.join(' ')}`,
    missing,
    { pointer: dependencies.pointer },
  );
}

function isInstalled(name: string, load: (name: string) => unknown): boolean {
  try {
    load(name);
    return true;
  } catch (error) {
    if (isNotFound(error, name)) return false;
    // Installed but broken (a native build, a version clash): its own error says more than ours would.
    throw error;
  }
}

function isNotFound(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') return false;
  // A package that is present but misses one of its own dependencies also reports MODULE_NOT_FOUND.
  return String((error as Error).message).includes(`'${name}'`);
}
