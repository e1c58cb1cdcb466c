import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUpIfKilled } from './clean-up-if-killed';

/**
 * A server process a test runs in a temporary directory of its own (DedicatedRedis, DedicatedMariadb):
 * it does not keep the test process alive, nor outlive it (see cleanUpIfKilled), and its
 * directory goes with dispose().
 */
export class ServerProcess {
  readonly dir: string;
  private process?: ChildProcess;
  private releaseWatchdog?: () => void;

  /** `stopSignal`: SIGKILL to lose what was not persisted, SIGTERM for the server's own fast shutdown. */
  constructor(prefix: string, private readonly stopSignal: NodeJS.Signals) {
    this.dir = mkdtempSync(join(tmpdir(), prefix));
  }

  get running(): boolean {
    return this.process !== undefined && this.process.exitCode === null && this.process.signalCode === null;
  }

  spawn(command: string, args: string[]): void {
    // Again after a dispose: the directory is gone, and a server may be started anew.
    mkdirSync(this.dir, { recursive: true });
    this.process = spawn(command, args, { stdio: 'ignore' });
    this.process.unref();
    writeFileSync(join(this.dir, 'server.pid'), String(this.process.pid));
    this.releaseWatchdog ??= cleanUpIfKilled(`kill -9 "$(cat '${this.dir}/server.pid')"; rm -rf '${this.dir}'`);
  }

  async stop(): Promise<void> {
    const proc = this.process;
    const running = this.running;
    this.process = undefined;
    rmSync(join(this.dir, 'server.pid'), { force: true });
    if (!proc || !running) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill(this.stopSignal);
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop();
    this.releaseWatchdog?.();
    this.releaseWatchdog = undefined;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
