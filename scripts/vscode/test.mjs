// @ts-check
// `npm run test:vscode`: runs the integration suite (out/test-vscode) inside a real VS Code, offline.
// The provisioned VS Code server runs the suite in its extension host; headless Chromium shows the workbench.
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { format, parseArgs } from 'node:util';
import { freePort, launchBrowser, Resources, root, startServer, workbenchUrl } from './workbench.mjs';

const { values: options } = parseArgs({
  options: {
    timeout: { type: 'string', default: '600' },
    grep: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

const testsPath = join(root, 'out', 'test-vscode', 'index.js');
const fixture = join(root, 'test', 'vscode', 'workspace');

async function main() {
  if (!existsSync(testsPath) || !existsSync(join(root, 'dist', 'extension.js'))) {
    throw new Error('No built extension or suite; run `npm run build` first.');
  }
  const resources = new Resources();
  const started = Date.now();
  try {
    const port = await freePort();
    const server = await startServer(resources, {
      port,
      // The extension host inherits the server's environment; the suite reads its filter from there.
      env: options.grep ? { POSTMORTEM_TEST_GREP: options.grep } : {},
      log: options.verbose ? (/** @type {string} */ text) => process.stdout.write(`[server] ${text}`) : undefined,
    });
    // The tests edit files, so they get a fresh copy of the fixture workspace.
    const folder = join(resources.tempDir(), 'workspace');
    cpSync(fixture, folder, { recursive: true });

    const { page } = await launchBrowser(resources);
    /** @type {string[]} */
    const browserErrors = [];
    page.on('pageerror', (error) => browserErrors.push(error.message));
    /** @type {(code: number) => void} */
    let finish;
    /** @type {Promise<number>} */
    const finished = new Promise((resolveFinish) => (finish = resolveFinish));
    await page.exposeFunction('codeAutomationLog', printLog);
    await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => finish(code));

    const seconds = Number(options.timeout);
    const url = workbenchUrl(server, { folder, extensionPath: root, testsPath });
    console.log(`Running the VS Code suite in VS Code at ${server.url} (timeout ${seconds} s)`);
    await page.goto(url);
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const outcome = await Promise.race([
      finished.then((code) => ({ code })),
      server.exited.then((how) => ({ error: `The VS Code server stopped (${how}) during the tests.` })),
      /** @type {Promise<{ error: string }>} */ (new Promise((resolveCrash) => page.once('crash', () => resolveCrash({ error: 'The workbench page crashed.' })))),
      /** @type {Promise<{ error: string }>} */ (new Promise((resolveTimeout) => (timer = setTimeout(() => resolveTimeout({ error: `Timed out after ${seconds} s.` }), seconds * 1000)))),
    ]);
    clearTimeout(timer);
    const elapsed = `${Math.round((Date.now() - started) / 1000)} s`;
    if ('error' in outcome) {
      for (const message of browserErrors) console.error(`[workbench] ${message}`);
      throw new Error(`${outcome.error} (${elapsed})`);
    }
    if (outcome.code !== 0) throw new Error(`The VS Code suite failed (exit code ${outcome.code}, ${elapsed}).`);
    console.log(`The VS Code suite passed (${elapsed}).`);
  } finally {
    await resources.dispose();
  }
}

/** The workbench's own routine messages, which share the log with the extension host's console. */
const workbenchChatter =
  /^(\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)\]|Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|Ignoring fetching additional builtin extensions|No search provider registered|Canceled: Canceled)/;

/**
 * The extension host's console (mocha's report, whatever the extension logs) and the workbench's warnings.
 * @param {string} type
 * @param {unknown} args
 */
function printLog(type, args) {
  /** @type {unknown[]} */
  const values = Array.isArray(args) ? args : [args];
  const text = format(...values);
  if (!options.verbose && workbenchChatter.test(text)) return;
  (type === 'error' ? console.error : console.log)(text);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
