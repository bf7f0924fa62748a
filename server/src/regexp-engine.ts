// Node 20's V8 can crash (a segmentation fault) when a regular expression is compiled to machine code in the middle of
// running in its interpreter, as the phrasebook's large expressions do. Compiling them once, up front, avoids that path.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');
