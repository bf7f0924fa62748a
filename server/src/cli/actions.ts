// The actions command: the action items of every postmortem, filtered and sorted into one report.
import { LineIndex } from '../analysis/detection';
import { formatActions } from './actions-format';
import { selectActions, toActionRow, type ActionRow } from './actions-query';
import { shouldUseColor } from './color';
import { openDocuments } from './documents';
import { engine } from './engine-loader';
import type { CliIO } from './io';
import type { ActionsOptions } from './options';

export function runActions(options: ActionsOptions, io: CliIO): number {
  const { configs, documents } = openDocuments(options, io);
  const rows: ActionRow[] = [];
  for (const document of documents) {
    const { postmortem, model } = engine().analyze(document.text, document.options);
    if (!postmortem || !model) continue;
    const index = new LineIndex(document.text);
    for (const item of model.actionItems) rows.push(toActionRow(item, document.displayPath, index, document.today));
  }
  for (const line of configs.describeProblems()) io.stderr(`${line}\n`);
  const selected = selectActions(rows, options);
  io.stdout(formatActions(options.format, selected, shouldUseColor(options.color, io.stdoutIsTTY, io.env)));
  return configs.problems.length > 0 ? 2 : 0;
}
