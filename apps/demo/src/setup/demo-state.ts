import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the demo keeps its SQLite file and what it must remember across restarts. */
export const DATA_DIR = process.env.DEMO_DATA_DIR ?? join(process.cwd(), '.data');

export interface DemoState {
  subscriptionId?: string;
  /** The sample receiver's copy of the subscription secret, as a real receiver would keep it. */
  receiverSecret?: string;
  adminKeyPrefix?: string;
}

const statePath = () => join(DATA_DIR, 'demo-state.json');

export function readState(): DemoState {
  return existsSync(statePath()) ? JSON.parse(readFileSync(statePath(), 'utf8')) : {};
}

export function writeState(state: DemoState): void {
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(statePath(), JSON.stringify(state, null, 2), { mode: 0o600 });
}

/**
 * The key that encrypts subscription secrets at rest: HOOKLINE_ENCRYPTION_KEY when set, else
 * one generated on first start and kept beside the demo database (fine for a demo, not for production).
 */
export function encryptionKey(): string {
  if (process.env.HOOKLINE_ENCRYPTION_KEY) return process.env.HOOKLINE_ENCRYPTION_KEY;
  const path = join(DATA_DIR, 'encryption.key');
  if (!existsSync(path)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return readFileSync(path, 'utf8').trim();
}
