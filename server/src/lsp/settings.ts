// The settings the server uses when the client sends none (or no client asks): the manifest's defaults.
import { maxFileSizeBytes } from '../analysis';
import type { PostmortemSettings } from '../protocol';

export const defaultSettings: PostmortemSettings = {
  rules: {},
  inlayHints: true,
  codeLens: true,
  maxFileSize: maxFileSizeBytes,
};
