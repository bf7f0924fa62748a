import type { Rule } from '../rule';

export const rule: Rule = {
  id: 'timeline-time',
  severity: 'warning',
  description: "A timeline entry's time cannot be read.",
  explanation:
    'Times are how readers and tools order the story and compute time to detect, mitigate and resolve. Write a time of day (`14:05`, `2:05 PM`), optionally with a zone (`14:05 UTC`) or a date (`2024-01-15 14:05`, `Jan 15 14:05`). An impossible time (`14:20 PM`: a 12-hour time runs from 1 to 12) or a malformed one (`07:7:47`) is reported rather than guessed at; a time left as a placeholder (`2024-01-15 X`, `unknown`) makes an untimed entry, which is skipped.',
  example: '- 25:10 Failover completed',
  fixable: false,
  check: ({ model }) =>
    model.timeline
      .filter((entry) => entry.instant === undefined)
      .map((entry) => ({ message: `Timeline time cannot be read: ${entry.timeError ?? entry.timeText}.`, span: entry.timeSpan })),
};
