// The custom requests about the whole workspace: its action items, marking one done, its incident metrics.
import { readFile } from 'node:fs/promises';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { analyze, type SeverityLevel, severityLevels, today } from '../analysis';
import type { ActionItemsParams, ActionItemsResult, MarkDoneParams, WorkspaceMetrics } from '../protocol';
import { markDoneEdit, reopenEdit } from './action-edits';
import type { ConfigResolver } from './configs';
import type { DocumentStore } from './document-store';
import type { SettingsStore } from './settings';
import { filePath } from './uris';
import type { WorkspaceIndex } from './workspace-index';

/** What these requests read of the index; the index exists once the server is initialised. */
export interface IndexedWorkspace {
  readonly current: Pick<WorkspaceIndex, 'actionItems' | 'owners' | 'metrics'> | undefined;
}

export interface WorkspaceRequestOptions {
  index: IndexedWorkspace;
  store: DocumentStore;
  settings: SettingsStore;
  configs: ConfigResolver;
}

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
}
