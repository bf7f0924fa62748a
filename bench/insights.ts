// Measures insights on the project's labelled workspace (test/fixtures/insights-workspace): recall and purity of
// each planted recurring cause and of each repeated action item, invented groups, and pair precision/recall.
// `npm run eval:insights -- [--sweep] [--speed]`: `--sweep` prints the figures over a range of thresholds, which is
// how the defaults were chosen; `--speed` times insights over 5,000 postmortems made by varying the workspace's
// parsed models (parsing is not timed). Targets are printed beside the figures, never asserted.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { addDays, analyze, buildInsights, defaultActionThreshold, defaultCauseThreshold, LineIndex, type InsightsDocument } from '../server/src/analysis';
import { repoRoot } from '../test/helpers';
import { meetsTargets, scoreGrouping, type GroupingScore } from './insights/score';

interface Labels {
  groups: { id: string; postmortems: string[] }[];
  repeatedActionItems: { id: string; occurrences: { postmortem: string; text: string }[] }[];
}

const workspace = join(repoRoot, 'test', 'fixtures', 'insights-workspace');
const today = '2026-01-15';

function readWorkspace(): InsightsDocument[] {
  const folder = join(workspace, 'postmortems', '2025');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const path = join(folder, name);
      const { model } = analyze(readFileSync(path, 'utf8'), { path, force: true, today });
      if (!model) throw new Error(`${name} did not parse`);
      return { path, model };
    });
}

/** An occurrence's key: the postmortem's file name and the 1-based line of the item. */
function occurrenceKey(document: InsightsDocument, offset: number): string {
  return `${basename(document.path)}:${new LineIndex(document.model.text).positionAt(offset).line + 1}`;
}

function labelledOccurrences(labels: Labels, documents: readonly InsightsDocument[]): Map<string, string[]> {
  const byName = new Map(documents.map((document) => [basename(document.path), document]));
  return new Map(
    labels.repeatedActionItems.map(({ id, occurrences }) => [
      id,
      occurrences.map(({ postmortem, text }) => {
        const document = byName.get(postmortem);
        const offset = document?.model.text.indexOf(text) ?? -1;
        if (!document || offset < 0) throw new Error(`labels: "${text}" is not in ${postmortem}`);
        return occurrenceKey(document, offset);
      }),
    ]),
  );
}

function evaluate(documents: InsightsDocument[], labels: Labels, causeThreshold: number, actionThreshold: number): { causes: GroupingScore; actions: GroupingScore; themes: string[] } {
  const insights = buildInsights(documents, { today, causeThreshold, actionThreshold });
  const causes = scoreGrouping(
    new Map(labels.groups.map((group) => [group.id, group.postmortems])),
    insights.recurring.map((group) => group.members.map((index) => basename(documents[index].path))),
  );
  const actions = scoreGrouping(
    labelledOccurrences(labels, documents),
    insights.repeatedActionItems.map((repeated) => repeated.occurrences.map((ref) => occurrenceKey(documents[ref.document], ref.item.span.start))),
  );
  return { causes, actions, themes: insights.recurring.map((group) => `${group.theme} (${group.members.length})`) };
}

function describe(title: string, score: GroupingScore): string {
  const lines = [`${title}: ${meetsTargets(score) ? 'meets' : 'MISSES'} the targets (each labelled group recall and purity >= 0.8, at most 1 invented group)`];
  for (const group of score.groups) lines.push(`  ${group.id.padEnd(32)} size ${group.size}  recall ${group.recall.toFixed(2)}  purity ${group.purity.toFixed(2)}`);
  lines.push(`  invented groups: ${score.invented.length}${score.invented.map((group) => `\n    ${group.join(', ')}`).join('')}`);
  lines.push(`  pairs: precision ${score.pairPrecision.toFixed(2)}  recall ${score.pairRecall.toFixed(2)}`);
  return lines.join('\n');
}

/** `count` postmortems from the workspace's models: each copy gets its own date, title word and service. */
function varied(documents: readonly InsightsDocument[], count: number): InsightsDocument[] {
  return Array.from({ length: count }, (_, index) => {
    const { path, model } = documents[index % documents.length];
    const date = model.date === undefined ? undefined : addDays(model.date, -(index % 700));
    const title = model.title && { ...model.title, value: `${model.title.value} (${['east', 'west', 'north', 'south', 'edge', 'core'][index % 6]} ${index % 97})` };
    const frontMatter = { span: { start: 0, end: 0 }, data: { services: [`service-${index % 50}`] }, error: undefined };
    return { path: `${path}#${index}`, model: { ...model, date, title, frontMatter } };
  });
}

function timeInsights(documents: readonly InsightsDocument[]): void {
  const many = varied(documents, 5000);
  const runs = [0, 1, 2].map(() => {
    const started = performance.now();
    const insights = buildInsights(many, { today });
    return { ms: performance.now() - started, groups: insights.recurring.length };
  });
  const best = Math.min(...runs.map((run) => run.ms));
  console.log(`Insights for ${many.length} postmortems after parsing: best of 3 runs ${(best / 1000).toFixed(2)} s (target under 5 s), ${runs[0].groups} groups`);
}

function main(args: readonly string[]): void {
  const labels = JSON.parse(readFileSync(join(workspace, 'labels.json'), 'utf8')) as Labels;
  const documents = readWorkspace();
  if (args.includes('--speed')) {
    timeInsights(documents);
    return;
  }
  if (args.includes('--sweep')) {
    console.log('threshold  causes: met invented pairP pairR | actions: met invented pairP pairR');
    for (let threshold = 0.05; threshold < 0.71; threshold += 0.025) {
      const { causes, actions } = evaluate(documents, labels, threshold, threshold);
      const row = (score: GroupingScore) => `${meetsTargets(score) ? 'yes' : 'no '} ${String(score.invented.length).padStart(3)} ${score.pairPrecision.toFixed(2)} ${score.pairRecall.toFixed(2)}`;
      console.log(`${threshold.toFixed(2)}       ${row(causes)} | ${row(actions)}`);
    }
    return;
  }
  const { causes, actions, themes } = evaluate(documents, labels, defaultCauseThreshold, defaultActionThreshold);
  console.log(`Insights on the labelled workspace: ${documents.length} postmortems, ${labels.groups.length} planted causes, ${labels.repeatedActionItems.length} repeated action items`);
  console.log(describe(`Recurring causes (threshold ${defaultCauseThreshold})`, causes));
  console.log(`  themes: ${themes.join('; ')}`);
  console.log(describe(`Repeated action items (threshold ${defaultActionThreshold})`, actions));
}

main(process.argv.slice(2));
