// @ts-check
// Pictures of what a user sees with the sample workspace: the Problems panel, the Action Items
// view, a quick-fix menu and a new draft, then the Insights panel of a larger workspace, driven
// through the workbench's own keyboard shortcuts.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// A flawed sample, and the line of its blaming sentence.
const sample = '2024-01-15-db-pool-exhausted.md';
const blameLine = 34;

/**
 * @param {import('playwright-core').Page} page
 * @param {{ url: string, insightsUrl: string }} urls the sample workspace's workbench, and the one whose insights are shown
 * @param {string} dir
 */
export async function takeScreenshots(page, { url, insightsUrl }, dir) {
  mkdirSync(dir, { recursive: true });
  /** @param {string} name */
  const save = async (name) => {
    const path = join(dir, name);
    await page.screenshot({ path });
    console.log(`Saved ${path}`);
  };
  await page.goto(url);
  await page.locator('.monaco-workbench .part.editor').waitFor();
  // The extension shows its status bar item once it has listed the workspace's action items.
  await page.locator('.statusbar-item', { hasText: /open/ }).first().waitFor({ timeout: 60_000 });

  await runInQuickOpen(page, 'Control+P', sample);
  await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor();
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row').first().waitFor();
  await save('problems.png');

  await runInQuickOpen(page, 'F1', 'Postmortem: Show Action Items');
  await page.locator('.monaco-list-row', { hasText: 'Write a runbook for connection pool exhaustion' }).first().waitFor();
  await widenSideBar(page, 200);
  await save('action-items.png');

  await runInQuickOpen(page, 'Control+G', String(blameLine));
  await page.keyboard.press('Control+.');
  // A blaming sentence is offered a rewrite, or the questions a blameless review asks when no rewrite fits.
  await page.locator('.action-widget', { hasText: /Rewrite|Reframe/ }).first().waitFor();
  await save('quick-fix.png');
  await page.keyboard.press('Escape');

  await newDraft(page, save, new URL(url).searchParams.get('folder') ?? '');

  await page.goto(insightsUrl);
  await page.locator('.monaco-workbench .part.editor').waitFor();
  await runInQuickOpen(page, 'F1', 'Postmortem: Show Insights');
  // The webview's page sits in an iframe inside the workbench's webview iframe.
  const webview = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
  // The panel refreshes when the index's first scan ends: the picture waits for the whole workspace.
  await webview.locator('.summary', { hasText: /\d{2} postmortems/ }).waitFor({ timeout: 60_000 });
  await webview.locator('svg').nth(1).waitFor();
  // The side bar closed, the panel gets the width its charts and tables need side by side.
  await page.keyboard.press('Control+B');
  await page.waitForTimeout(500);
  await save('insights.png');
}

/**
 * A postmortem fresh from New Postmortem: its template lines as a quiet checklist and its progress in the status bar.
 * The command writes the file into the sample workspace, so it is removed afterwards, with the folder it made.
 * @param {import('playwright-core').Page} page
 * @param {(name: string) => Promise<void>} save
 * @param {string} workspace
 */
async function newDraft(page, save, workspace) {
  const yearFolder = join(workspace, 'postmortems', '2024');
  const madeFolder = !existsSync(yearFolder);
  try {
    // Not runInQuickOpen: the command's own prompts keep the quick input open.
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').pressSequentially('Postmortem: New Postmortem');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New Postmortem' }).first().waitFor();
    await page.keyboard.press('Enter');
    await answerInput(page, 'New Postmortem (1/3)', 'Search index rebuild stalls');
    await answerInput(page, 'New Postmortem (2/3)', 'SEV-2');
    await answerInput(page, 'New Postmortem (3/3)', '2024-06-20');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await page.locator('.statusbar-item', { hasText: 'Draft:' }).first().waitFor({ timeout: 60_000 });
    await page.locator('.monaco-editor .squiggly-info').first().waitFor();
    // Out of the template's tab stops; the Problems panel shows the active draft's checklist first.
    await page.keyboard.press('Escape');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'Draft (its status is draft)' }).first().waitFor();
    await save('draft.png');
  } finally {
    if (madeFolder) rmSync(yearFolder, { recursive: true, force: true });
    else rmSync(join(yearFolder, '2024-06-20-search-index-rebuild-stalls.md'), { force: true });
  }
}

/**
 * Replaces what the input box or quick pick titled `title` holds with `text`, and accepts.
 * @param {import('playwright-core').Page} page
 * @param {string} title
 * @param {string} text
 */
async function answerInput(page, title, text) {
  await page.locator('.quick-input-widget', { hasText: title }).waitFor();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/**
 * Opens quick open (or the command palette, or Go to Line) with `key`, types `text` and accepts the first entry.
 * @param {import('playwright-core').Page} page
 * @param {string} key
 * @param {string} text
 */
async function runInQuickOpen(page, key, text) {
  await page.locator('.monaco-workbench').click({ position: { x: 600, y: 300 } });
  await page.keyboard.press(key);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.pressSequentially(text);
  if (key !== 'Control+G') await page.locator('.quick-input-list .monaco-list-row', { hasText: text.split(': ').pop() }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * Drags the sash between the side bar and the editor, so that the view's labels fit.
 * @param {import('playwright-core').Page} page
 * @param {number} pixels
 */
async function widenSideBar(page, pixels) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const x = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + pixels, y, { steps: 5 });
  await page.mouse.up();
  // Away from the sash, which stays highlighted while hovered.
  await page.mouse.move(x + pixels + 200, y);
}
