// How much of V8's optimising compiler a run should use: a short run ends before optimised code pays back the time
// spent compiling it (on the real postmortems: 40 files took a third less CPU without it, 250 files 15% less, 420 files 20% more).
import { setFlagsFromString } from 'node:v8';

/** Runs of up to this many files skip the optimising compiler; longer runs keep it, as their hot code pays it back. */
export const maxFilesWithoutOptimizer = 150;

export function usesOptimizer(fileCount: number): boolean {
  return fileCount > maxFilesWithoutOptimizer;
}

/** Called once the run's files are known and before any of them is analysed; it only changes how fast the run goes. */
export function fitCompilerToRun(fileCount: number): void {
  if (!usesOptimizer(fileCount)) setFlagsFromString('--no-opt');
}
