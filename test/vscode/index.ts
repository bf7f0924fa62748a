// The suite's entry, called inside VS Code's extension host by both runners (offline and @vscode/test-electron).
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function run(): Promise<void> {
  // The offline runner passes its --grep through the server's environment, which the extension host inherits.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, grep: process.env.POSTMORTEM_TEST_GREP });
  const suites = join(__dirname, 'suite');
  for (const name of readdirSync(suites).sort()) {
    if (name.endsWith('.test.js')) mocha.addFile(join(suites, name));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures === 0 ? resolve() : reject(new Error(`${failures} VS Code test(s) failed.`))));
  });
}
