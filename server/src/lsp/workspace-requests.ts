// The custom requests about the whole workspace: its action items, marking one done, its incident metrics, its insights.
import { readFile } from 'node:fs/promises';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { analyze, buildInsights, insightsCharts, insightsReport, parsePostmortem, type InsightsDocument, type SeverityLevel, severityLevels, today } from '../analysis';
import type { ActionItemsParams, ActionItemsResult, InsightsParams, InsightsResult, MarkDoneParams, WorkspaceMetrics } from '../protocol';
import { markDoneEdit, reopenEdit } from './action-edits';
import type { ConfigResolver } from './configs';
import type { DocumentStore } from './document-store';
import type { SettingsStore } from './settings';
import { filePath } from './uris';
import type { WorkspaceIndex } from './workspace-index';

/** What these requests read of the index; the index exists once the server is initialised. */
export interface IndexedWorkspace {
  readonly current: Pick<WorkspaceIndex, 'actionItems' | 'owners' | 'metrics' | 'paths'> | undefined;
}

export interface WorkspaceRequestOptions {
  index: IndexedWorkspace;
  store: DocumentStore;
  settings: SettingsStore;
  configs: ConfigResolver;
}

/** Postmortems read between two yields to the event loop, so edits are answered while the insights are built. */
const insightsBatch = 16;

const noMetrics: WorkspaceMetrics = { postmortems: 0, openActionItems: 0, overdueActionItems: 0, medianTimeToDetect: undefined, medianTimeToMitigate: undefined, medianTimeToResolve: undefined };

export class WorkspaceRequests {
  constructor(private readonly options: WorkspaceRequestOptions) {}

  actionItems(params: ActionItemsParams): ActionItemsResult {
    return { items: this.options.index.current?.actionItems({ includeDone: params.includeDone ?? false, owner: params.owner }) ?? [], today: today() };
  }

  async markDone(params: MarkDoneParams): Promise<WorkspaceEdit | null> {
    const { store, settings, configs } = this.options;
    const open = store.get(params.uri);
    const path = filePath(params.uri);
    const text = open?.getText() ?? (path ? await readFile(path, 'utf8') : undefined);
    if (text === undefined) return null;
    const openModel = open ? (await store.analysed(open.uri))?.analysis.model : undefined;
    // The item was listed by the index, so the file is a postmortem even if it is not open.
    const model = openModel ?? analyze(text, { force: true, path, config: configs.forDocument(path, await settings.forFolderOf(path)).config }).model;
    // The edit names the document as the editor opened it.
    const edit = params.reopen ? reopenEdit : markDoneEdit;
    return model ? edit(text, open?.uri ?? params.uri, params.line, model) : null;
  }

  severityLevels(): SeverityLevel[] {
    return [...severityLevels];
  }

  metrics(): WorkspaceMetrics {
    return this.options.index.current?.metrics() ?? noMetrics;
  }

  /** Insights of the postmortems the index lists, read as saved: the index follows saves, so the two agree. */
  async insights(params: InsightsParams): Promise<InsightsResult> {
    const { settings, configs } = this.options;
    const documents: InsightsDocument[] = [];
    // One review rhythm and one day per report, as the command line's: the first postmortem's config sets them.
    let followUpDays: number | undefined;
    let timeZone: string | undefined;
    for (const [read, path] of (this.options.index.current?.paths() ?? []).entries()) {
      const text = await readFile(path, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      const { config } = configs.forDocument(path, await settings.forFolderOf(path));
      // Editors hide a byte order mark, so lines are counted without it, as the index counts them.
      documents.push({ path, model: parsePostmortem(text.replace(/^\uFEFF/, ''), config) });
      followUpDays ??= config.insights.followUpDays;
      timeZone ??= config.timezone;
      if ((read + 1) % insightsBatch === 0) await new Promise(setImmediate);
    }
    const day = today({ timeZone });
    const report = insightsReport(buildInsights(documents, { today: day, followUpDays }));
    return { report, charts: insightsCharts(report, params.palette), today: day };
  }
}
