// A heading reduced to the words that say what its section is: the matching in sections.ts reads only these.
import { monthName } from './calendar-names';

// Alternatives, not one class: joiners and variation selectors inside a class read as joined characters.
const emoji = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\uFE0F|\u200D|\u20E3/gu;
// Footnote links ("[1]", "[[2]](#refs)") and bracketed or parenthesised notes ("(all times UTC)", "[draft]").
const footnoteLink = /\[\[[^\]]*\]\]\([^)]*\)/g;
const bracketed = /\([^()]*\)|\[[^[\]]*\]|\{[^{}]*\}/g;
const day = '\\d{1,2}(?:st|nd|rd|th)?';
const dates = new RegExp(
  [
    // A quarter, with its year on either side: "2018 Q3-Q4", "Q1 2024".
    '\\b(?:(?:19|20)\\d{2}\\s+)?q[1-4](?:\\s*[-–/]\\s*q?[1-4])?(?:\\s+(?:19|20)\\d{2})?\\b',
    '\\b\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}\\b',
    '\\b\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}\\b',
    '\\b\\d{1,2}/\\d{1,2}\\b',
    `\\b${day}\\s+(?:of\\s+)?${monthName}(?:,?\\s+\\d{4})?\\b`,
    `\\b${monthName}\\s+${day}(?:,?\\s+\\d{4})?\\b`,
    `\\b${monthName}\\s+\\d{4}\\b`,
    '\\b(?:19|20)\\d{2}\\b',
  ].join('|'),
  'giu',
);
// "Summary for 2026", "Timeline of 3/14", "Lessons from March 3rd": a date goes with the "for", "of" or "from" that leads to it ("Incident on 2022-01-22" keeps its "on": no summary).
const datesAfterPreposition = new RegExp(String.raw`(?:\b(?:for|of|from)\s+)?(?:${dates.source})`, 'giu');
// "1.", "2)", "3.1", "IV.", "a)", "Section 2:" before the name.
const numbering = /^(?:(?:section|part|chapter|step)\s+)?(?:\d+(?:\.\d+)*[.):]?|[ivxlc]+[.):]|[a-h][.)])\s+/i;
// A qualifier after the name: "Timeline - all times UTC", "Root cause: expired certificate", "Prevention / what we learnt".
const qualifier = /\s+[-–—]+\s+|:\s*|\s+[-–—]+$|\s+\/\s+/;
// "The Timeline", and the "so" that opens a narrative question ("So what happened?").
const leadingArticle = /^(?:the|our|a|an)\s+|^so\s+(?=(?:what|how|why|when|where|who)\b)/;
/** A normaliser pass only removes text, so a few passes reach a fixed point; the cap is only a guard. */
const maxPasses = 8;

/**
 * Lower case, without emoji, numbering, dates, footnote links, notes in brackets, a qualifier after a
 * dash or colon, a leading article, and punctuation other than `&` and apostrophes. Idempotent.
 */
export function normaliseHeading(title: string): string {
  let current = title;
  for (let pass = 0; pass < maxPasses; pass++) {
    const next = normaliseOnce(current);
    if (next === current) return next;
    current = next;
  }
  return current;
}

/**
 * The words after a heading's qualifier, normalised ("Moving forward: lessons learned" gives "lessons learned"), or
 * undefined when nothing names a thing before it: the second half of a heading in two halves may be the one that names its section.
 */
export function qualifierTail(title: string): string | undefined {
  const text = title.replace(bracketed, ' ').trim();
  const cut = qualifier.exec(text);
  if (!cut || cut.index === 0 || normaliseHeading(text.slice(0, cut.index)) === '') return undefined;
  const tail = normaliseHeading(text.slice(cut.index + cut[0].length));
  return tail === '' ? undefined : tail;
}

function normaliseOnce(title: string): string {
  let text = title
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(emoji, ' ')
    .replace(footnoteLink, ' ')
    .replace(bracketed, ' ')
    .replace(/[*_~]/g, '')
    .trim();
  text = text.replace(numbering, '');
  // Only a qualifier after a name: "2024-03-01 - Timeline" keeps its name once the date goes.
  const cut = qualifier.exec(text);
  if (cut && cut.index > 0 && text.slice(0, cut.index).replace(dates, '').trim() !== '') text = text.slice(0, cut.index);
  return text
    .replace(datesAfterPreposition, ' ')
    .replace(/[^\p{L}\p{N}&' ]+/gu, ' ')
    .replace(/(?<![\p{L}])'|'(?![\p{L}])/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(leadingArticle, '')
    .replace(numbering, '')
    // "Impact is as follows:": the words that lead into the section are not its name.
    .replace(/(?<=\p{L}) (?:(?:is|are|was|were) )?as follows$/u, '');
}
