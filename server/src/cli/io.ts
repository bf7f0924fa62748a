// The process's surroundings, passed in so commands can run (and be tested) without globals.

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  /** Text is written as given; callers end their lines. */
  stdout(text: string): void;
  stderr(text: string): void;
  /** Told how many files the run will read, before it reads them; the process sets its compiler by it (see compiler.ts), tests leave it out. */
  fitToRun?(fileCount: number): void;
}
