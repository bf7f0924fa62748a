// The labels say nothing of dates or severities, so the metadata rules are judged by what a reader of the document sees.
import type { Finding } from '../../server/src/analysis';
import type { Verdict } from './verdict';

export const metadataRuleIds = ['metadata-date', 'metadata-severity'] as const;

// A day a reader can see written anywhere: ISO, day/month/year with dashes or slashes (dots only before a four-digit
// year, and never inside a longer dotted number, as IP addresses and versions like `6.12.34` are no dates), or a month name with a day and a year.
const month = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const writtenDay = new RegExp(String.raw`\b\d{4}-\d{1,2}-\d{1,2}\b|(?<![\d.])\d{1,2}(?:[-/]\d{1,2}[-/]\d{2}(?:\d{2})?|\.\d{1,2}\.\d{4})(?!\.?\d)|\b${month}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${month},?\s+\d{4}\b`, 'i');
const severityWord = /\bsev(?:erity)?\b|\bsev-?\d\b/i;

/**
 * A "missing date" finding is wrong when the document writes a full date anywhere; a "missing severity" finding
 * is wrong when the document never speaks of severity (its team grades no incidents). Other findings (a value
 * that cannot be read) are not judged.
 */
export function judgeMetadataFinding(finding: Finding, text: string): Verdict {
  if (!finding.message.includes('missing')) return 'not judged';
  if (finding.ruleId === 'metadata-date') return writtenDay.test(text) ? 'wrong' : 'correct';
  return severityWord.test(text) ? 'correct' : 'wrong';
}
