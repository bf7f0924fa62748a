// Errors the CLI reports as a one-line message with exit code 2, never as a stack trace.

/** Bad input from the user: a message is enough, the stack is noise. */
export class CliError extends Error {
  override name = 'CliError';
}

/** A malformed command line; the message is followed by a pointer to --help. */
export class UsageError extends CliError {
  override name = 'UsageError';
}
