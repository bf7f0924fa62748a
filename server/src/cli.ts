// Entry point of `postmortem-lint`: parse the command line, run the command, turn failures into exit codes.
import './regexp-engine';
import './cli/v8-tiers';
import { UsageError } from './cli/errors';
import type { CliIO } from './cli/io';
import type * as Commands from './cli/commands';
import { parseCommandLine } from './cli/options';
import { toolName, toolVersion } from './cli/version';

export function main(argv: readonly string[], io: CliIO): number {
  try {
    const options = parseCommandLine(argv);
    switch (options.command) {
      case 'help':
        io.stdout(commands().usage(options.topic));
        return 0;
      case 'version':
        io.stdout(`${toolVersion}\n`);
        return 0;
      case 'lint':
        return commands().runLint(options, io);
      case 'actions':
        return commands().runActions(options, io);
      case 'insights':
        return commands().runInsights(options, io);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`${toolName}: ${message}\n`);
    if (error instanceof UsageError) io.stderr(`Run \`${toolName} --help\` for usage.\n`);
    // A stack only helps when debugging the tool itself, so it is opt-in.
    if (io.env.DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
    return 2;
  }
}

/** The commands and the analysis under them, loaded only when a command runs: `--help` and `--version` stay instant. */
function commands(): typeof Commands {
  // A require, not an import: the build keeps the commands in their own bundle, and an `import()` of it would be scanned for exports first.
  return require('./cli/commands') as typeof Commands;
}

// A closed pipe (`postmortem-lint | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
