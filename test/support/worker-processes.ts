import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { WebhooksModuleOptions } from '@hookline/nestjs';
import type { ScopeConnection } from './test-databases';

const WORKER_SCRIPT = join(__dirname, '..', 'fixtures', 'worker-process.js');

/** What a worker process is started with; options must survive JSON (no functions). */
export interface WorkerProcessConfig {
  connection: ScopeConnection;
  options: WebhooksModuleOptions;
}

/** One forked worker-only Hookline process (test/fixtures/worker-process.js), with its log lines. */
export class WorkerProcess {
  readonly log: string[] = [];
  private readonly exited: Promise<void>;

  constructor(readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const collect = (chunk: Buffer) => this.log.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGKILL: no shutdown hook runs, in-flight attempts and unwritten outcomes are simply gone. */
  async kill(): Promise<void> {
    if (this.alive) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** The worker's own `process.memoryUsage()`. */
  memory(): Promise<NodeJS.MemoryUsage> {
    return new Promise((resolve) => {
      const onMessage = (message: unknown) => {
        if (typeof message === 'object' && message !== null && 'memory' in message) {
          this.child.off('message', onMessage);
          resolve((message as { memory: NodeJS.MemoryUsage }).memory);
        }
      };
      this.child.on('message', onMessage);
      this.child.send('memory');
    });
  }
}

/**
 * Starts, kills and restarts worker processes on one configuration, and kills whatever is still
 * running at the end. A worker whose test process died exits by itself (its IPC channel closes).
 */
export class WorkerProcesses {
  private readonly all = new Set<WorkerProcess>();

  constructor(private readonly config: () => WorkerProcessConfig) {}

  /** Forks a worker and resolves once its runtime has started. */
  start(): Promise<WorkerProcess> {
    const child = fork(WORKER_SCRIPT, [], {
      env: { ...process.env, NODE_ENV: 'test', HOOKLINE_WORKER_CONFIG: JSON.stringify(this.config()) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const worker = new WorkerProcess(child);
    this.all.add(worker);
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`worker exited with ${code} before it was ready:\n${worker.log.slice(-20).join('\n')}`));
      child.once('exit', onExit);
      child.once('message', () => {
        child.off('exit', onExit);
        resolve(worker);
      });
    });
  }

  /** Kills `worker` with SIGKILL and starts a replacement. */
  async restart(worker: WorkerProcess): Promise<WorkerProcess> {
    await worker.kill();
    return this.start();
  }

  running(): WorkerProcess[] {
    return [...this.all].filter((w) => w.alive);
  }

  async killAll(): Promise<void> {
    await Promise.all([...this.all].map((w) => w.kill()));
    this.all.clear();
  }
}
