import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium: nothing is downloaded (`.ci/run` installs the package when it is missing). */
export const CHROMIUM = process.env.HOOKLINE_TEST_CHROMIUM ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium dials out at start, and this machine's
// closed network refuses it: the page must only ever talk to the app on 127.0.0.1.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const ARTIFACTS = join(__dirname, '..', '..', 'artifacts', 'dashboard');

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Console errors (CSP refusals included), page errors and requests to anywhere but the origins: a clean run has none. */
  problems: string[];
  /** Saves test/artifacts/dashboard/NAME.png: the whole page, or only what the window shows. */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/** A fresh headless Chromium with its own throw-away profile, allowed to reach `origin` only (or these origins: the app and pages that frame it). */
export async function openBrowser(origin: string | string[]): Promise<TestBrowser> {
  const origins = [origin].flat();
  const profile = mkdtempSync(join(tmpdir(), 'hookline-chromium-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (origins.some((allowed) => url.startsWith(`${allowed}/`))) return route.continue();
    problems.push(`request outside the app: ${url}`);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Fail with Playwright's message (what it waited for) well before the test's own timeout.
  page.setDefaultTimeout(10_000);
  // A 4xx the test provoked is logged as "Failed to load resource"; anything else (a CSP refusal, an exception) is a problem.
  page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource') && problems.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return {
    context,
    page,
    problems,
    screenshot: async (name, { fullPage = true } = {}) => void (await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage })),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
