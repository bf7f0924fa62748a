// A CLI run is short: V8's optimising compiler, left to its default, spends more time compiling warm functions than
// optimised code saves before the run ends. Waiting for eight times the usual work before optimising a function keeps
// the optimiser for the truly hot code (the Markdown tokenizer, the phrasebook's loops). Measured as CPU time on the
// real postmortems: 40 files 3.5 s by default, 2.6 s so; 420 files 15.1 s and 11.8 s; 840 files 26.1 s and 22.8 s.
import { setFlagsFromString } from 'node:v8';

/** V8's default interrupt budget (bytes of bytecode run before a function is considered for optimisation), times eight. */
export const cliInterruptBudget = 8 * 67_584;

setFlagsFromString(`--interrupt-budget=${cliInterruptBudget}`);
