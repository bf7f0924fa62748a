// @ts-check
// Provisions a real VS Code (the server and web workbench inside the code-server npm package)
// and the Node 24 it needs, from the npm registry, into a cached folder under .vscode-test/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';

const root = resolve(import.meta.dirname, '../..');
const dir = join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
const stamp = join(dir, 'provisioned');
// The install takes about 820 MB, and npm's cache and the native builds need room beside it.
const NEEDED_FREE_BYTES = 1.5 * 1024 ** 3;
// The platform package that the `node` npm package installs: the binary and the headers native modules build against.
const nodePackage = `node-${process.platform}-${process.arch}`;

/** Paths of a provisioned VS Code server. */
export function serverPaths() {
  const nodeModules = join(dir, 'node_modules');
  return {
    dir,
    node: join(nodeModules, nodePackage, 'bin', 'node'),
    serverMain: join(nodeModules, 'code-server', 'lib', 'vscode', 'out', 'server-main.js'),
  };
}

/**
 * Runs a step of the install; one that takes over 20 minutes (a stalled download) is stopped and fails.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: 20 * 60_000, killSignal: 'SIGKILL', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? (result.signal ? `stopped by ${result.signal}` : `exit ${result.status}`)})`);
  }
}

export function isProvisioned() {
  return existsSync(stamp);
}

/** Installs the pinned code-server and Node 24 unless a complete install is cached. */
export function provision() {
  const paths = serverPaths();
  if (isProvisioned()) return paths;
  // A half-done install (no stamp) is redone from scratch.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const shortage = diskShortage(freeBytes(dir), NEEDED_FREE_BYTES);
  if (shortage) throw new Error(`${shortage} on the disk of ${dir}. Free some space and run the tests again.`);
  const started = Date.now();
  console.log(`Provisioning VS Code ${CODE_SERVER_VERSION.replace(/^4\./, '1.')} (code-server ${CODE_SERVER_VERSION}) and Node ${NODE_VERSION} into ${dir} (once; a few minutes, about 820 MB)`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // Scripts are skipped: code-server's refuses to run under another Node, so it is run below with Node 24.
  run(npm, ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts',
    `code-server@${CODE_SERVER_VERSION}`, `${nodePackage}@${NODE_VERSION}`]);
  const nodeDir = join(dir, 'node_modules', nodePackage);
  // code-server's postinstall installs lib/vscode's dependencies and builds their native modules.
  run('sh', ['./postinstall.sh'], {
    cwd: join(dir, 'node_modules', 'code-server'),
    env: {
      ...process.env,
      PATH: `${join(nodeDir, 'bin')}${delimiter}${process.env.PATH}`,
      // Native modules must build against Node 24's headers, not the system Node's.
      npm_config_nodedir: nodeDir,
      npm_config_user_agent: `npm/${npmVersion()} node/v${NODE_VERSION} ${process.platform} ${process.arch}`,
    },
  });
  for (const path of [paths.node, paths.serverMain]) {
    if (!existsSync(path)) throw new Error(`Provisioning did not produce ${path}`);
  }
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  console.log(`Provisioned in ${Math.round((Date.now() - started) / 1000)} s.`);
  return paths;
}

/** @param {string} path */
function freeBytes(path) {
  const stats = statfsSync(path);
  return stats.bavail * stats.bsize;
}

/**
 * Says what is missing when the disk has less room than the install needs, and nothing when it has enough.
 * @param {number} free
 * @param {number} needed
 */
export function diskShortage(free, needed) {
  if (free >= needed) return undefined;
  const megabytes = (/** @type {number} */ bytes) => Math.floor(bytes / 1024 ** 2);
  return `Provisioning VS Code needs about ${megabytes(needed)} MB free, and only ${megabytes(free)} MB are free`;
}

function npmVersion() {
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['--version'], { encoding: 'utf8' });
  return result.stdout.trim() || '11.0.0';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(provision().dir);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
