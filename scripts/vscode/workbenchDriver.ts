// Driving the real VS Code workbench in chromium like a user (clicks, keys, the command palette; no test hooks), shared
// by `npm run ui:screenshots` and the keyboard tests (test/ui/): the palette, the Symphony view and the Pods tree,
// and the content frame of a webview panel. A step that cannot find what it looks for throws a StepError saying what.
import { FrameLocator, Locator, Page } from 'playwright-core';

const CONTAINER_ID = 'symphony';
/** The demo pod's label (scripts/vscode/environment.ts). */
export const POD = 'Demo pod';

export class StepError extends Error {}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits for `locator`, or throws saying what was looked for. */
export async function need(locator: Locator, what: string, timeout = 15_000): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new StepError(`not found after ${timeout / 1000} s: ${what}`);
  }
  return locator.first();
}

// ---- workbench helpers -------------------------------------------------------------------------------------------

/** F1, type the command's title, run the first entry whose label contains it. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await page.keyboard.press('F1');
  const input = await need(widget.locator('input'), 'the command palette input (after F1)');
  await input.fill(`>${title}`);
  const entry = widget.locator('.monaco-list-row').filter({ hasText: title });
  await need(entry, `command palette entry "${title}"`, 10_000);
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
}

/** Closes notification toasts (the startup ones would cover the bottom right of every picture). */
export async function dismissNotifications(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notifications-toasts .notification-toast').first()
    .waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
}

export async function closeAllEditors(page: Page): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  await page.waitForTimeout(500);
}

/** Opens the Symphony container through its activity-bar item. */
export async function openSymphonyView(page: Page): Promise<void> {
  // The item's class names the container: activity-workbench-view-extension-<container id>-<hash>.
  const item = page.locator(
    `.part.activitybar a[class*="activity-workbench-view-extension-${CONTAINER_ID}-"], .part.activitybar a[aria-label^="Symphony" i]`,
  );
  await (await need(item, `the "Symphony" activity-bar item (view container "${CONTAINER_ID}")`, 30_000)).click();
  await need(page.locator('.part.sidebar .title-label, .part.sidebar .pane-header').filter({ hasText: /pods/i }), 'the "Pods" view title in the sidebar');
  await need(treeRow(page, POD), `the "${POD}" row in the Pods view`, 30_000);
}

/** Drags the sidebar's edge so long labels fit in the picture. */
export async function setSidebarWidth(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) throw new StepError('no .part.sidebar to resize');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
  await page.waitForTimeout(300);
}

// ---- tree helpers ------------------------------------------------------------------------------------------------

/** The Pods tree row whose label starts with `label`. */
export function treeRow(page: Page, label: string): Locator {
  return page.locator('.part.sidebar .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}`) }) });
}

export async function setExpanded(page: Page, label: string, expanded: boolean): Promise<void> {
  const row = await need(treeRow(page, label), `tree row "${label}"`, 20_000);
  if ((await row.getAttribute('aria-expanded')) === String(expanded)) return;
  await row.locator('.monaco-tl-twistie').click();
  for (let waited = 0; (await row.getAttribute('aria-expanded')) !== String(expanded); waited += 200) {
    if (waited > 10_000) throw new StepError(`tree row "${label}" did not ${expanded ? 'expand' : 'collapse'}`);
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(expanded ? 1500 : 300); // children load from the pod
}

export const CATEGORIES = ['Certificates', 'Applications', 'Connections', 'Groups', 'Service accounts', 'Users'];

/** Expands the demo pod and one of its categories, collapsing the others so the category's rows are in view. */
export async function showCategory(page: Page, category: string): Promise<void> {
  await setExpanded(page, POD, true);
  for (const other of CATEGORIES.filter((name) => name !== category)) {
    if (await treeRow(page, other).first().isVisible().catch(() => false)) await setExpanded(page, other, false);
  }
  await setExpanded(page, category, true);
}

/** Hovers a tree row and clicks one of its inline action buttons (their aria-label is the command title). */
export async function clickInlineAction(page: Page, label: string, action: string): Promise<void> {
  const row = await need(treeRow(page, label), `tree row "${label}"`, 20_000);
  await row.scrollIntoViewIfNeeded();
  await row.hover();
  const button = row.locator(`.actions .action-label[aria-label^="${action}"]`);
  await (await need(button, `inline button "${action}" on tree row "${label}"`, 5000)).click();
}

// ---- webview helpers ---------------------------------------------------------------------------------------------

/** The content frame of the visible webview (outer iframe.webview, inner #active-frame). */
export async function webviewContent(page: Page, expectText: string | RegExp): Promise<FrameLocator> {
  const outer = page.locator('iframe.webview.ready:visible').last();
  await need(outer, 'a ready webview iframe (iframe.webview.ready)', 20_000);
  const content = outer.contentFrame().frameLocator('#active-frame');
  await need(content.locator('body').getByText(expectText), `text ${expectText} inside the webview`, 20_000);
  await page.waitForTimeout(1000); // let it finish rendering (fonts, tables)
  return content;
}
