// The insights command: reads the postmortems together and writes the report for a team's review meeting.
import type { InsightsDocument } from '../analysis';
import { openDocuments } from './documents';
import { engine } from './engine-loader';
import { formatInsights } from './insights-format';
import type { CliIO } from './io';
import type { InsightsOptions } from './options';

export function runInsights(options: InsightsOptions, io: CliIO): number {
  const { configs, documents } = openDocuments(options, io);
  const { analyze, buildInsights, insightsReport, today } = engine();
  const read: InsightsDocument[] = [];
  let followUpDays: number | undefined;
  let timeZone: string | undefined;
  for (const document of documents) {
    const { postmortem, model } = analyze(document.text, document.options);
    if (!postmortem || !model) continue;
    read.push({ path: document.filePath, model });
    // One review rhythm per report: the first postmortem's config sets it.
    followUpDays ??= document.options.config?.insights.followUpDays;
    timeZone ??= document.options.config?.timezone;
  }
  for (const line of configs.describeProblems()) io.stderr(`${line}\n`);
  const insights = buildInsights(read, { today: options.today ?? today({ timeZone }), since: options.since, followUpDays });
  io.stdout(formatInsights(options.format, insightsReport(insights)));
  return configs.problems.length > 0 ? 2 : 0;
}
