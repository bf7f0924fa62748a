// The package's identity, bundled in at build time so `--version` and SARIF agree with package.json.
import packageJson from '../../../package.json';

const manifest: { version: string; homepage?: string } = packageJson;

export const toolName = 'postmortem-lint';
export const toolVersion = manifest.version;
/** Until package.json names a homepage, SARIF viewers link to the repository the rule docs live in. */
export const toolInformationUri =
  manifest.homepage ?? 'https://github.com/postmortem-tools/postmortem-language-support';
