import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** The compiled bin, as npm links it (global setup builds dist before the suites). */
const CLI = join(__dirname, '..', '..', 'packages', 'engine', 'dist', 'migrate', 'cli.js');

/** One `hookline-migrate` process run to its end: what it printed and its exit code. */
export function runMigrateCli(args: string[], env: Record<string, string>): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ exitCode: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}
