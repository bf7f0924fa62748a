// @ts-check
// `npm run test:package`: builds the .vsix as `npm run package` does, checks its size and contents, and
// installs it into the provisioned VS Code server, as a user would with "Install from VSIX".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provision } from './provision.mjs';
import { root } from './workbench.mjs';

const maxBytes = 1.5 * 1024 * 1024;
const vsix = join(root, 'postmortem-language-support.vsix');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Runs one step; a step that hangs is stopped after 5 minutes and fails.
 * @param {string} command
 * @param {string[]} args
 * @param {Omit<import('node:child_process').SpawnSyncOptions, 'encoding'>} [options]
 * @returns {string}
 */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 5 * 60_000, killSignal: 'SIGKILL', ...options });
  if (result.status !== 0) {
    const why = result.error ? ` (${result.error.message})` : '';
    throw new Error(`${command} ${args.join(' ')} failed${why}:\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  }
  return result.stdout;
}

function main() {
  const paths = provision();
  const extensions = mkdtempSync(join(tmpdir(), 'postmortem-vsix-'));
  try {
    run(npm, ['run', 'package']);
    const size = statSync(vsix).size;
    if (size >= maxBytes) throw new Error(`The .vsix is ${(size / 1024).toFixed(0)} KB, over the 1.5 MB limit.`);
    // No extension gallery: nothing to ask the internet about a local .vsix.
    run(paths.node, [paths.serverMain, '--install-extension', vsix, '--extensions-dir', extensions, '--accept-server-license-terms'], { env: { ...process.env, EXTENSIONS_GALLERY: '{}' } });
    const installed = readdirSync(extensions).find((name) => name.startsWith('postmortem-tools.postmortem-language-support-'));
    if (!installed) throw new Error(`Installing the .vsix left no extension in ${extensions}: ${readdirSync(extensions).join(', ')}`);
    const files = ['package.json', 'dist/extension.js', 'dist/server.js', 'dist/index-worker.js', 'dist/webview/insights.js', 'snippets/postmortem.code-snippets', 'docs/rules/timeline-order.md', 'syntaxes/postmortem-injection.tmLanguage.json', 'schemas/postmortemrc.schema.json'];
    const missing = files.filter((file) => !existsSync(join(extensions, installed, file)));
    if (missing.length > 0) throw new Error(`The installed extension lacks ${missing.join(', ')}.`);
    const maps = readdirSync(join(extensions, installed, 'dist')).filter((name) => name.endsWith('.map'));
    if (maps.length > 0) throw new Error(`The .vsix carries source maps: ${maps.join(', ')}.`);
    console.log(`The .vsix (${(size / 1024).toFixed(0)} KB) installs into VS Code as ${installed}.`);
  } finally {
    rmSync(extensions, { recursive: true, force: true });
    // Packaging minified dist/; the tests and `npm start` use the development build.
    run(npm, ['run', 'build']);
  }
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
