// Who speaks in a document: a post told by one person ("I restarted the node") owns its action items without naming
// an owner, as its writer will do them.
import type { ProseBlock } from './model';

const firstPersonSingular = /\b(?:I(?:['’](?:m|ve|ll|d))?|[Mm]y|[Mm]e|[Mm]ine|[Mm]yself)\b/g;
// Lower-case "us" only: "US" is a country.
const firstPersonPlural = /\b(?:[Ww]e(?:['’](?:re|ve|ll|d))?|[Oo]urs?|us|[Oo]urselves)\b/g;
/** How often "I" must speak, and how far "we" must be outnumbered, before the writer is one person. */
const minSingular = 5;
const pluralShare = 0.25;

/** True when the document's prose speaks as one person ("I", "my") and hardly ever as a team ("we", "our"). */
export function speaksAsOneWriter(prose: readonly ProseBlock[]): boolean {
  let singular = 0;
  let plural = 0;
  for (const block of prose) {
    if (block.where !== 'body') continue;
    singular += block.text.match(firstPersonSingular)?.length ?? 0;
    plural += block.text.match(firstPersonPlural)?.length ?? 0;
  }
  return singular >= minSingular && plural <= singular * pluralShare;
}
