// The disk, as the analysis core's readers see it: the CLI and the language server pass this to the core.
import { readFileSync } from 'node:fs';
import type { ConfigFileReader } from './analysis';

export const nodeConfigFileReader: ConfigFileReader = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A folder or a path through a file is no config file, like a missing one.
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined;
      throw error;
    }
  },
};
