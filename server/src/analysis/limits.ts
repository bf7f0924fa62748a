// The limits that keep analysis fast and safe, the same in the editor, the workspace index and the CLI.

/** Larger documents are not analysed (the editor's `postmortem.maxFileSize` setting can change it). */
export const maxFileSizeBytes = 2 * 1024 * 1024;

/** Deeper nesting makes remark slow (quadratic in the depth) and its tree too deep to walk, so such a document is refused. */
export const maxNesting = 32;
