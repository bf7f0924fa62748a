// Where a rule's documentation opens: its page shipped with the extension (`docs/rules/<id>.md` beside `dist/`),
// opened locally in the editor; the published address only when the pages are not there.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ruleDocsUrl } from '../analysis';
import { fileUri } from './uris';

export function ruleDocsLink(id: string, shippedFolder = join(__dirname, '..', 'docs', 'rules')): string {
  const page = join(shippedFolder, `${id}.md`);
  return existsSync(page) ? fileUri(page) : ruleDocsUrl(id);
}
