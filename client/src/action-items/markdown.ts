// An action item as a Markdown task line, written so that the postmortem parser reads it back. Pure.
import type { WorkspaceActionItem } from '../../../server/src/protocol';

export function actionItemAsMarkdown(item: WorkspaceActionItem): string {
  const box = item.status === 'done' ? '[x]' : '[ ]';
  const priority = item.priority === undefined ? '' : `[P${item.priority}] `;
  const fields = [
    item.owner === undefined ? undefined : item.owner.startsWith('@') ? item.owner : `Owner: ${item.owner}`,
    item.due === undefined ? undefined : `Due: ${item.due}`,
    item.ticket === undefined ? undefined : isWebLink(item.ticket) ? `<${item.ticket}>` : item.ticket,
  ].filter((field): field is string => field !== undefined);
  const details = fields.length > 0 ? ` (${fields.join(', ')})` : '';
  return `- ${box} ${priority}${item.description}${details}`;
}

export function isWebLink(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text);
}

/** The ticket's web address: the ticket itself when it is a link, else the key put into the URL template's `${ticket}`. */
export function ticketUrl(ticket: string, urlTemplate: string | undefined): string | undefined {
  if (isWebLink(ticket)) return ticket;
  if (!urlTemplate || !urlTemplate.includes('${ticket}')) return undefined;
  return urlTemplate.split('${ticket}').join(encodeURIComponent(ticket));
}
