// The actions command: the action items of every postmortem, filtered and sorted into one report.
import { resolve } from 'node:path';
import { analyze, rules } from '../analysis/index';
import { LineIndex } from '../analysis/text';
import { formatActions } from './actions-format';
import { selectActions, toActionRow, type ActionRow } from './actions-query';
import { shouldUseColor } from './color';
import { ConfigResolver } from './config';
import { readDocuments } from './documents';
import { findInputFiles } from './files';
import type { CliIO } from './io';
import type { ActionsOptions } from './options';

export function runActions(options: ActionsOptions, io: CliIO): number {
  const files = findInputFiles(options.paths, io.cwd);
  const configs = new ConfigResolver(
    rules.map((rule) => rule.id),
    io.cwd,
    options.config === undefined ? undefined : resolve(io.cwd, options.config),
  );
  const rows: ActionRow[] = [];
  const documents = readDocuments(files, {
    cwd: io.cwd,
    today: options.today,
    configs,
    skip: (path, reason) => io.stderr(`${path}: skipped: ${reason}\n`),
  });
  for (const document of documents) {
    const { postmortem, model } = analyze(document.text, document.options);
    if (!postmortem || !model) continue;
    const index = new LineIndex(document.text);
    for (const item of model.actionItems) rows.push(toActionRow(item, document.displayPath, index, options.today));
  }
  for (const line of configs.describeProblems()) io.stderr(`${line}\n`);
  const selected = selectActions(rows, options);
  io.stdout(formatActions(options.format, selected, shouldUseColor(options.color, io.stdoutIsTTY, io.env)));
  return configs.problems.length > 0 ? 2 : 0;
}
