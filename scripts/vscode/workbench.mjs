// @ts-check
// Runs a real VS Code: the provisioned VS Code server, and its web workbench in headless Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { isProvisioned, provision } from './provision.mjs';

export const root = resolve(import.meta.dirname, '../..');

/** @typedef {() => void | Promise<void>} Cleanup */

/**
 * A running VS Code server; `exited` resolves with the signal or exit code that ended it.
 * @typedef {{ url: string, port: number, exited: Promise<NodeJS.Signals | number | null> }} VsCodeServer
 */

const chromiumPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function findChromium() {
  return [process.env.CHROMIUM_PATH, ...chromiumPaths].find((path) => path && existsSync(path));
}

/**
 * @param {string} command
 * @returns {boolean}
 */
function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Debian packages the runner needs and lacks: Chromium to show the workbench and, until VS Code is
 * provisioned, the compilers and Kerberos headers that its native modules build with.
 * @param {{ browser: boolean }} options
 * @returns {string[]}
 */
function missingSystemPackages({ browser }) {
  const building = !isProvisioned();
  /** @type {[name: string, present: () => boolean][]} */
  const needs = [
    ['chromium', () => !browser || findChromium() !== undefined],
    ['libkrb5-dev', () => !building || existsSync('/usr/include/krb5.h')],
    ['g++', () => !building || commandExists('g++')],
    ['make', () => !building || commandExists('make')],
    ['python3', () => !building || commandExists('python3')],
  ];
  return needs.filter(([, present]) => !present()).map(([name]) => name);
}

/**
 * Installs the missing Debian packages when running as root; otherwise says exactly what to install.
 * @param {{ browser?: boolean }} [options]
 */
export function ensureSystemPackages({ browser = true } = {}) {
  const missing = missingSystemPackages({ browser });
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`Running VS Code needs the Debian packages ${missing.join(', ')}. Install them with:\n  sudo sh -c '${command}'\n(or set CHROMIUM_PATH to a Chromium binary)`);
  }
  console.log(`Installing ${missing.join(', ')}: ${command}`);
  const result = spawnSync('sh', ['-c', command], { stdio: 'inherit', timeout: 20 * 60_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0 || missingSystemPackages({ browser }).length > 0) {
    throw new Error(`Could not install ${missing.join(', ')} (${command})${result.error ? `: ${result.error.message}` : ''}`);
  }
}

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * True when nothing on this machine listens on the port yet.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export function portIsFree(port) {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
}

/** Everything a run starts, stopped and removed in reverse order by `dispose`, also on Ctrl-C. */
export class Resources {
  /** @type {Cleanup[]} */
  #cleanups = [];
  /** @type {Promise<void> | undefined} */
  #disposing;

  /**
   * `signalExitCode`: the exit code after Ctrl-C or a termination signal.
   * @param {{ signalExitCode?: number }} [options]
   */
  constructor({ signalExitCode = 130 } = {}) {
    /** @param {NodeJS.Signals} signal */
    this.onSignal = (signal) => {
      console.error(`\n${signal}: stopping VS Code`);
      void this.dispose().finally(() => process.exit(signalExitCode));
    };
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
    process.on('SIGHUP', this.onSignal);
  }

  /** @param {Cleanup} cleanup */
  add(cleanup) {
    this.#cleanups.push(cleanup);
  }

  tempDir() {
    const dir = mkdtempSync(join(tmpdir(), 'postmortem-vscode-'));
    this.add(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  /** True once stopping has begun: processes that end from then on were stopped, not crashed. */
  get disposed() {
    return this.#disposing !== undefined;
  }

  /** Stops everything once; a second call waits for the first. */
  dispose() {
    this.#disposing ??= this.#cleanUp();
    return this.#disposing;
  }

  async #cleanUp() {
    for (const cleanup of this.#cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    process.off('SIGHUP', this.onSignal);
  }
}

/**
 * Provisions and starts the VS Code server on 127.0.0.1:port with fresh data folders.
 * Resolves once it answers HTTP; the server's own output goes to `log`. `browser`: whether
 * the caller will drive Chromium, which is then checked for (and installed) first.
 * @param {Resources} resources
 * @param {{ port: number, browser?: boolean, env?: NodeJS.ProcessEnv, log?: (text: string) => void }} options
 * @returns {Promise<VsCodeServer>}
 */
export async function startServer(resources, { port, browser = true, env = {}, log = () => {} }) {
  ensureSystemPackages({ browser });
  const paths = provision();
  const data = resources.tempDir();
  // This build keeps the user's settings with the server: a quiet workbench, without AI features or a welcome page.
  mkdirSync(join(data, 'user', 'User'), { recursive: true });
  writeFileSync(join(data, 'user', 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  const args = [
    paths.serverMain,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-workspace-trust',
    // Makes the built workbench honour the test payload (extensionTestsPath) and the automation hooks.
    '--enable-smoke-test-driver',
    '--telemetry-level', 'off',
    '--server-data-dir', join(data, 'server'),
    '--user-data-dir', join(data, 'user'),
    '--extensions-dir', join(data, 'extensions'),
  ];
  // Its own process group, so that stopping it also stops the extension host and the watchers it started.
  const server = spawn(paths.node, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...noGallery, ...env } });
  let output = '';
  /** @param {Buffer} chunk */
  const collect = (chunk) => {
    const text = String(chunk);
    output += text;
    log(text);
  };
  server.stdout.on('data', collect);
  server.stderr.on('data', collect);
  /** @type {VsCodeServer['exited']} */
  const exited = new Promise((resolveExit) => server.once('exit', (code, signal) => resolveExit(signal ?? code)));
  resources.add(() => stopProcessGroup(server, exited));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await Promise.race([exited.then((how) => ({ how })), fetch(url).then((response) => ({ ok: response.ok }), () => ({ ok: false }))]);
    if ('how' in status) throw new Error(`The VS Code server stopped (${status.how}) before it listened:\n${output}`);
    if (status.ok) return { url, port, exited };
    if (Date.now() > deadline) throw new Error(`The VS Code server did not answer on ${url} within 60 s:\n${output}`);
    await new Promise((wake) => setTimeout(wake, 250));
  }
}

const userSettings = {
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
};

// No extension gallery: the workbench would otherwise ask it about the loaded extensions, over the internet.
const noGallery = { EXTENSIONS_GALLERY: '{}' };

/**
 * Stops the server and everything it started, which share its process group, even once the server itself is gone.
 * @param {import('node:child_process').ChildProcess} child
 * @param {Promise<unknown>} exited
 */
async function stopProcessGroup(child, exited) {
  const pid = child.pid;
  // A process that failed to start has no group to stop.
  if (pid === undefined) return;
  /** @param {NodeJS.Signals} signal */
  const kill = (signal) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Nothing is left in the group.
    }
  };
  kill('SIGTERM');
  await Promise.race([exited, new Promise((wake) => setTimeout(wake, 5_000))]);
  kill('SIGKILL');
}

/**
 * The workbench URL: `folder` opened, the extension at `extensionPath` loaded from source, and,
 * when given, the tests at `testsPath` run in its extension host.
 * @param {Pick<VsCodeServer, 'url' | 'port'>} server
 * @param {{ folder: string, extensionPath: string, testsPath?: string }} options
 */
export function workbenchUrl(server, { folder, extensionPath, testsPath }) {
  /** @param {string} path */
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)], ['skipWelcome', 'true']];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Headless Debian Chromium, closed with the run.
 * @param {Resources} resources
 * @param {{ width?: number, height?: number }} [viewport]
 */
export async function launchBrowser(resources, { width = 1400, height = 900 } = {}) {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // Nothing but the local VS Code server is reachable from the page.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  resources.add(() => browser.close());
  const page = await browser.newPage({ viewport: { width, height } });
  return { browser, page };
}
