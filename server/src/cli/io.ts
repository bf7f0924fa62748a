// The process's surroundings, passed in so commands can run (and be tested) without globals.

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  /** Text is written as given; callers end their lines. */
  stdout(text: string): void;
  stderr(text: string): void;
}
