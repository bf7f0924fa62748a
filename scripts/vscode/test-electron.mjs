// @ts-check
// `npm run test:electron`: runs the same in-editor suite in desktop VS Code through @vscode/test-electron,
// which downloads VS Code; for machines with internet access. Offline, use `npm run test:vscode`.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = resolve(import.meta.dirname, '../..');
const testsPath = join(root, 'out', 'test-vscode', 'index.js');
// The same VS Code as the offline runner's code-server.
const version = '1.139.1';

async function main() {
  if (!existsSync(testsPath)) throw new Error('No built suite; run `npm run build` first.');
  const temp = mkdtempSync(join(tmpdir(), 'postmortem-electron-'));
  try {
    // The tests edit files, so they get a fresh copy of the fixture workspace.
    const workspace = join(temp, 'workspace');
    cpSync(join(root, 'test', 'vscode', 'workspace'), workspace, { recursive: true });
    await runTests({
      version,
      extensionDevelopmentPath: root,
      extensionTestsPath: testsPath,
      launchArgs: [workspace, '--disable-extensions', '--user-data-dir', join(temp, 'user-data')],
      extensionTestsEnv: process.env.POSTMORTEM_TEST_GREP ? { POSTMORTEM_TEST_GREP: process.env.POSTMORTEM_TEST_GREP } : {},
    });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`The VS Code suite failed under @vscode/test-electron: ${message}`);
  if (/download|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo/i.test(message)) {
    console.error('It downloads VS Code, which needs internet access; without it, run `npm run test:vscode`.');
  }
  process.exit(1);
});
