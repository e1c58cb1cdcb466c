import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { pinned } from './lock-versions';

const run = promisify(execFile);

/** What `nest new` puts in a fresh app before anything else is installed. */
const NEST_NEW_DEPENDENCIES = ['@nestjs/common', '@nestjs/core', '@nestjs/platform-express', 'reflect-metadata', 'rxjs'];
const NEST_NEW_DEV_DEPENDENCIES = ['typescript', '@types/node'];

/** The compiler options of a `nest new` app (Nest CLI 11+): nodenext resolution, decorators, loose `any`. */
const NEST_COMPILER_OPTIONS = {
  module: 'nodenext',
  moduleResolution: 'nodenext',
  resolvePackageJsonExports: true,
  esModuleInterop: true,
  isolatedModules: true,
  declaration: true,
  removeComments: true,
  emitDecoratorMetadata: true,
  experimentalDecorators: true,
  allowSyntheticDefaultImports: true,
  target: 'ES2023',
  sourceMap: true,
  outDir: './dist',
  baseUrl: './',
  incremental: true,
  skipLibCheck: true,
  strictNullChecks: true,
  forceConsistentCasingInFileNames: true,
  noImplicitAny: false,
  strictBindCallApply: false,
  noFallthroughCasesInSwitch: false,
};

export interface ScratchAppOptions {
  name: string;
  /** `commonjs` as `nest new` makes it, or `module` for an ES-module host. */
  type: 'commonjs' | 'module';
  /** Source files by path under src/. */
  sources: Record<string, string>;
}

/**
 * A Nest app in a temporary folder outside the workspace, with its own package.json and
 * node_modules: what it can load is only what its install put there, as in a user's app.
 */
export class ScratchApp {
  readonly dir: string;
  /** What a user would have seen in their terminal; streamed to stderr with HOOKLINE_PACKAGE_TEST_VERBOSE. */
  readonly log = new TerminalLog();
  private process?: ChildProcess;
  private output = '';

  constructor(private readonly options: ScratchAppOptions) {
    this.dir = mkdtempSync(join(tmpdir(), `hookline-${options.name}-`));
    const packageJson = {
      name: options.name,
      version: '0.0.0',
      private: true,
      ...(options.type === 'module' && { type: 'module' }),
      allowScripts: { 'better-sqlite3': true },
    };
    writeFileSync(join(this.dir, 'package.json'), JSON.stringify(packageJson, null, 2));
    writeFileSync(join(this.dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: NEST_COMPILER_OPTIONS, include: ['src/**/*.ts'] }, null, 2));
    for (const [path, text] of Object.entries(options.sources)) {
      mkdirSync(dirname(join(this.dir, 'src', path)), { recursive: true });
      writeFileSync(join(this.dir, 'src', path), text);
    }
  }

  /** `nest new`'s packages, then `specs` (tarball paths or `name@version`) as the user installs them. */
  async install(specs: string[]): Promise<void> {
    await this.npm(['install', ...NEST_NEW_DEPENDENCIES.map(pinned)]);
    await this.npm(['install', '--save-dev', ...NEST_NEW_DEV_DEPENDENCIES.map(pinned)]);
    await this.npm(['install', ...specs]);
  }

  async compile(): Promise<void> {
    await this.exec(join(this.dir, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json']);
  }

  /** Runs a command in the app's folder (e.g. `npx hookline-api-keys …`) and returns its stdout. */
  async exec(file: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
    this.log.push(`$ ${[file.replace(this.dir, '.'), ...args].join(' ')}`);
    try {
      const { stdout, stderr } = await run(file, args, { cwd: this.dir, env: { ...process.env, ...env }, maxBuffer: 32 * 1024 * 1024 });
      this.log.push(stdout.trim(), stderr.trim());
      return stdout;
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; message: string };
      this.log.push(failed.stdout ?? '', failed.stderr ?? '');
      throw new Error(`${file} ${args.join(' ')} failed in ${this.dir}:\n${failed.stderr || failed.message}`);
    }
  }

  /** Runs a command that may fail on purpose (e.g. `npx hookline-migrate status` while behind): its exit code and stdout. */
  async execToExit(file: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string }> {
    this.log.push(`$ ${[file, ...args].join(' ')}`);
    const { code, stdout, stderr } = await run(file, args, { cwd: this.dir, env: { ...process.env, ...env } }).then(
      (done) => ({ code: 0, ...done }),
      (failed: { code?: number; stdout?: string; stderr?: string }) => ({ code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' }),
    );
    this.log.push(stdout.trim(), stderr.trim(), `(exit ${code})`);
    return { code, stdout };
  }

  /** Starts `node dist/main.js`; resolves once its output matches `ready`, rejects if it exits first. */
  async start(env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs = 60_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No ${ready} from the app within ${timeoutMs} ms:\n${this.output}`)), timeoutMs);
      this.process = this.launch(env, (output) => {
        if (!ready.test(output)) return;
        clearTimeout(timer);
        resolve(output);
      });
      this.process.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The app exited with ${code} before ${ready}:\n${this.output}`));
      });
    });
  }

  /** Runs `node dist/main.js` to its end and returns its exit code and output. */
  async runToExit(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
    const child = this.launch(env);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    this.log.push(`$ node dist/main.js  (exit ${code})`, this.output.trim());
    return { code, output: this.output };
  }

  /** `node dist/main.js` in the app's folder, its stdout and stderr gathered in `output` as they come. */
  private launch(env: NodeJS.ProcessEnv, onOutput: (output: string) => void = () => {}): ChildProcess {
    this.output = '';
    const child = spawn(process.execPath, ['dist/main.js'], { cwd: this.dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
      onOutput(this.output);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    return child;
  }

  /**
   * SIGTERM, as an orchestrator stops it. Resolves with how the app ended: Nest's shutdown hooks
   * re-raise the signal once they are done, so a clean stop ends by SIGTERM, not by our SIGKILL.
   */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null } | undefined> {
    const child = this.process;
    if (!child) return undefined;
    if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode };
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const ended = await exited;
    clearTimeout(timer);
    this.log.push('$ node dist/main.js', this.output.trim(), `(stopped with SIGTERM: ${ended.signal ?? `exit ${ended.code}`})`);
    return ended;
  }

  /** Removes the folder unless HOOKLINE_KEEP_SCRATCH is set (to read `output.log` afterwards). */
  dispose(): void {
    writeFileSync(join(this.dir, 'output.log'), this.log.text() + '\n');
    if (!process.env.HOOKLINE_KEEP_SCRATCH) rmSync(this.dir, { recursive: true, force: true });
  }

  private async npm(args: string[]): Promise<void> {
    await this.exec('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']);
  }
}

class TerminalLog {
  private readonly lines: string[] = [];

  push(...lines: string[]): void {
    for (const line of lines.filter(Boolean)) {
      this.lines.push(line);
      if (process.env.HOOKLINE_PACKAGE_TEST_VERBOSE) process.stderr.write(`${line}\n`);
    }
  }

  text(): string {
    return this.lines.join('\n');
  }
}
