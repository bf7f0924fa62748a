// The Action Items view: the server's workspace index, filtered and grouped for the tree.
import * as vscode from 'vscode';
import { actionItemsChangedNotification, actionItemsRequest, type WorkspaceActionItem } from '../../../server/src/protocol';
import type { PostmortemLanguageClient } from '../client';
import { dueDescription, filterDescription } from './due-window';
import { countItems, filterItems, followUpGroup, followUpGroupKey, groupItems, isGrouping, shortTitle, type ActionItemGroup, type ActionItemGrouping } from './grouping';

export const viewId = 'postmortem.actionItems';

export interface GroupNode {
  readonly kind: 'group';
  readonly grouping: ActionItemGrouping;
  readonly group: ActionItemGroup;
}

export interface ItemNode {
  readonly kind: 'item';
  readonly item: WorkspaceActionItem;
  readonly parent: GroupNode;
}

export type ActionItemNode = GroupNode | ItemNode;

/** Why the tree is empty; drives which welcome content shows (see `viewsWelcome` in package.json). */
type EmptyReason = 'loading' | 'noItems' | 'noHandle' | 'notMine' | 'allDone' | 'none';

/** Waits this long after the server's change notice, so a burst of file events makes one request. */
const refreshDelayMs = 150;

export class ActionItemsProvider implements vscode.TreeDataProvider<ActionItemNode>, vscode.Disposable {
  private items: WorkspaceActionItem[] = [];
  /** The items the user's handle (`postmortem.actionItems.me`) owns, as the server matched them. */
  private mine: WorkspaceActionItem[] = [];
  private groups: GroupNode[] = [];
  private grouping: ActionItemGrouping;
  private showDone = false;
  private loaded = false;
  private onlyMine = false;
  private requested = 0;
  private applied = 0;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly treeChanged = new vscode.EventEmitter<void>();
  private readonly itemsChanged = new vscode.EventEmitter<void>();
  private readonly indexChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.treeChanged.event;
  /** Fires after the tree's items, filter or grouping changed. */
  readonly onDidChange = this.itemsChanged.event;
  /** Fires when the server says its index of the workspace's postmortems changed (one handler per notification). */
  readonly onDidChangeIndex = this.indexChanged.event;

  constructor(private readonly lsp: PostmortemLanguageClient) {
    this.grouping = configuredGrouping();
    this.disposables.push(
      this.treeChanged,
      this.itemsChanged,
      this.indexChanged,
      lsp.onDidStart((client) => {
        this.disposables.push(
          client.onNotification(actionItemsChangedNotification, () => {
            this.scheduleRefresh();
            this.indexChanged.fire();
          }),
        );
        void this.refresh().catch((error: unknown) => lsp.output.error(`Listing action items failed: ${String(error)}`));
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('postmortem.actionItems.groupBy')) this.setGrouping(configuredGrouping());
        else if (event.affectsConfiguration('postmortem.actionItems.me')) this.scheduleRefresh();
      }),
    );
    this.update();
  }

  /** Fetches the items from the server again; resolves once the tree shows them (or newer ones). */
  async refresh(): Promise<void> {
    const sequence = ++this.requested;
    const client = await this.lsp.ready();
    // Done items, and the user's own, come along too, so changing the filter needs no new request.
    const me = myHandle();
    const [all, mine] = await Promise.all([
      client.sendRequest(actionItemsRequest, { includeDone: true }),
      me === undefined ? undefined : client.sendRequest(actionItemsRequest, { includeDone: true, owner: me }),
    ]);
    if (sequence < this.applied) return;
    this.applied = sequence;
    this.items = all.items;
    this.mine = mine?.items ?? [];
    this.loaded = true;
    this.update();
  }

  setGrouping(grouping: ActionItemGrouping): void {
    this.grouping = grouping;
    this.update();
  }

  setShowDone(show: boolean): void {
    this.showDone = show;
    this.update();
  }

  setOnlyMine(only: boolean): void {
    this.onlyMine = only;
    this.update();
  }

  /** Shown beside the view's title while a filter is on. */
  filterDescription(): string | undefined {
    return filterDescription(this.onlyMine, myHandle(), this.showDone);
  }

  get currentGrouping(): ActionItemGrouping {
    return this.grouping;
  }

  /** Open and overdue items of the whole workspace, whatever the view's filter. */
  counts(): { open: number; overdue: number; total: number } {
    return { ...countItems(this.items), total: this.items.length };
  }

  /** Open items the view shows, for its badge. */
  shownOpenCount(): number {
    // An item shown in two groups (the follow-up review's and its own, or two owners') counts once.
    return new Set(this.groups.flatMap((node) => node.group.items.filter((item) => item.status === 'open').map((item) => item.id))).size;
  }

  /** Compared as URIs: the code lens names the document as the editor does, the index as the server wrote it. */
  groupOfDocument(uri: string): GroupNode | undefined {
    if (this.grouping !== 'document') return undefined;
    const wanted = vscode.Uri.parse(uri).toString();
    return this.groups.find((node) => node.group.key !== followUpGroupKey && vscode.Uri.parse(node.group.key).toString() === wanted);
  }

  getChildren(node?: ActionItemNode): ActionItemNode[] {
    if (!node) return this.groups;
    return node.kind === 'group' ? node.group.items.map((item) => ({ kind: 'item', item, parent: node })) : [];
  }

  getParent(node: ActionItemNode): ActionItemNode | undefined {
    return node.kind === 'item' ? node.parent : undefined;
  }

  getTreeItem(node: ActionItemNode): vscode.TreeItem {
    return node.kind === 'group' ? this.groupTreeItem(node) : this.itemTreeItem(node);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      void this.refresh().catch((error: unknown) => this.lsp.output.error(`Listing action items failed: ${String(error)}`));
    }, refreshDelayMs);
  }

  private update(): void {
    const me = myHandle();
    const shown = filterItems(this.onlyMine ? this.mine : this.items, this.showDone);
    const followUp = followUpGroup(shown);
    this.groups = [...(followUp ? [followUp] : []), ...groupItems(shown, this.grouping)].map((group) => ({ kind: 'group', grouping: this.grouping, group }));
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.showDone', this.showDone);
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.onlyMine', this.onlyMine);
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.emptyReason', this.emptyReason(shown.length, me));
    this.treeChanged.fire();
    this.itemsChanged.fire();
  }

  private emptyReason(shown: number, me: string | undefined): EmptyReason {
    if (shown > 0) return 'none';
    // No welcome content until the server has answered, so "nothing found" never flashes by.
    if (!this.loaded) return 'loading';
    if (this.items.length === 0) return 'noItems';
    if (this.onlyMine && !me) return 'noHandle';
    return this.onlyMine && this.mine.length === 0 ? 'notMine' : 'allDone';
  }

  private groupTreeItem(node: GroupNode): vscode.TreeItem {
    const { group, grouping } = node;
    const treeItem = new vscode.TreeItem(`${group.label} (${group.items.length})`, vscode.TreeItemCollapsibleState.Expanded);
    treeItem.id = `group/${grouping}/${group.key}`;
    treeItem.contextValue = 'actionItemGroup';
    const overdue = group.overdue > 0 ? `${group.overdue} overdue` : undefined;
    if (group.key === followUpGroupKey) {
      treeItem.iconPath = new vscode.ThemeIcon('history', new vscode.ThemeColor('list.warningForeground'));
      treeItem.description = overdue;
      treeItem.tooltip = `Open P0 and P1 items whose postmortem is due for its follow-up review: ${group.items.length}${overdue ? `, ${overdue}` : ''}`;
      return treeItem;
    }
    if (grouping === 'document') {
      const uri = vscode.Uri.parse(group.key);
      treeItem.resourceUri = uri;
      treeItem.iconPath = vscode.ThemeIcon.File;
      treeItem.description = [vscode.workspace.asRelativePath(uri), overdue].filter(Boolean).join(' · ');
    } else {
      treeItem.iconPath = new vscode.ThemeIcon(groupIcons[grouping]);
      treeItem.description = overdue;
    }
    treeItem.tooltip = `${group.items.length} action item${group.items.length === 1 ? '' : 's'}${overdue ? `, ${overdue}` : ''}`;
    return treeItem;
  }

  private itemTreeItem(node: ItemNode): vscode.TreeItem {
    const { item, parent } = node;
    const overdue = item.overdue;
    const treeItem = new vscode.TreeItem(item.description || '(no description)', vscode.TreeItemCollapsibleState.None);
    treeItem.id = `item/${parent.grouping}/${parent.group.key}/${item.id}`;
    treeItem.contextValue = `actionItem.${item.status}${item.ticket ? '.ticket' : ''}`;
    treeItem.iconPath =
      item.status === 'done'
        ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
        : overdue
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
          : new vscode.ThemeIcon('circle-large-outline');
    treeItem.description = [
      parent.grouping !== 'owner' && item.owner,
      parent.grouping !== 'priority' && item.priority !== undefined && `P${item.priority}`,
      dueDescription(item, parent.grouping === 'dueWindow'),
      item.status === 'done' && 'done',
      (parent.grouping !== 'document' || parent.group.key === followUpGroupKey) && shortTitle(item.documentTitle),
    ]
      .filter((part): part is string => typeof part === 'string' && part !== '')
      .join(' · ');
    treeItem.tooltip = this.tooltip(item, overdue);
    const range = new vscode.Range(item.range.start.line, item.range.start.character, item.range.end.line, item.range.end.character);
    treeItem.command = { title: 'Go to Action Item', command: 'vscode.open', arguments: [vscode.Uri.parse(item.uri), { selection: range } satisfies vscode.TextDocumentShowOptions] };
    return treeItem;
  }

  private tooltip(item: WorkspaceActionItem, overdue: boolean): vscode.MarkdownString {
    const markdown = new vscode.MarkdownString();
    markdown.appendText(item.description || '(no description)');
    const facts = [
      ['Status', overdue ? 'open, overdue' : item.status],
      ['Owner', item.owner ?? 'none'],
      ['Due', item.due ?? 'no date'],
      ['Priority', item.priority === undefined ? 'none' : `P${item.priority}`],
      ['Ticket', item.ticket],
      ['Postmortem', shortTitle(item.documentTitle)],
    ];
    for (const [label, value] of facts) if (value) markdown.appendMarkdown('  \n').appendText(`${label}: ${value}`);
    return markdown;
  }
}

const groupIcons: Record<Exclude<ActionItemGrouping, 'document'>, string> = {
  owner: 'person',
  dueWindow: 'calendar',
  priority: 'flame',
};

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('postmortem');
}

/** The user's handle (`@alice` or `alice`); without one, "mine" matches nothing. */
function myHandle(): string | undefined {
  return settings().get<string>('actionItems.me')?.trim().replace(/^@$/, '') || undefined;
}

function configuredGrouping(): ActionItemGrouping {
  const grouping = settings().get<unknown>('actionItems.groupBy');
  return isGrouping(grouping) ? grouping : 'document';
}

/** The Action Items tree view with a badge counting the open items it shows. */
export function registerActionItemsView(context: vscode.ExtensionContext, provider: ActionItemsProvider): vscode.TreeView<ActionItemNode> {
  const view = vscode.window.createTreeView(viewId, { treeDataProvider: provider, canSelectMany: true, showCollapseAll: true });
  const update = () => {
    const open = provider.shownOpenCount();
    view.badge = open > 0 ? { value: open, tooltip: `${open} open action item${open === 1 ? '' : 's'}` } : undefined;
    view.description = provider.filterDescription();
  };
  update();
  context.subscriptions.push(view, provider.onDidChange(update));
  return view;
}
