// The core's second entry, kept small: what a caller needs to decide which Markdown files are postmortems (and to
// report positions in them) without loading the Markdown engine, the rules or the phrasebook. The command line
// decides with it before loading the full entry, `index.ts`, which exports all of this too.
export { detectPostmortem, type Detection } from './detect';
export { defaultConfig, type PostmortemConfig } from './config';
export { configFileNames, findConfigFile, type ConfigFileReader } from './config-file/find';
export { maxFileSizeBytes } from './limits';
export { pathInsideFolder } from './paths';
export { LineIndex } from './text';
