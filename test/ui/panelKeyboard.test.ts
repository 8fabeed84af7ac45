// A detail panel with the keyboard alone, in the real VS Code (code-server 1.139 in chromium, the demo pod): Tab walks
// the certificate panel's controls in reading order, each with the name a screen reader says, and leaves the panel
// after the last one (no trap); Shift+Tab walks back; Enter presses a button and its answer is announced; a dropdown
// opens with the keyboard and Escape closes it; a refused field is marked invalid and described by the answer. Driven
// like a user (scripts/vscode/workbenchDriver.ts), no test hooks.
//
//   npm run compile && npm run build && npm run test:ui
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Browser, FrameLocator, Page, chromium } from 'playwright-core';
import { DemoEnvironment, startDemoEnvironment } from '../../scripts/vscode/environment';
import { CHROMIUM_FLAGS, REPO_ROOT, findChromium } from '../../scripts/vscode/getVSCode';
import { clickInlineAction, dismissNotifications, need, openSymphonyView, showCategory, treeRow, webviewContent } from '../../scripts/vscode/workbenchDriver';

/** An expired certificate of the demo data (src/podEmulator/seed.ts); the demo account may edit it. */
const CERT = 'svc-rates-monitor-emea-0002';
const LEFT = '(focus left the panel)';

/** The certificate panel's controls in reading order: the toolbar, then the attributes form. */
const TAB_ORDER = [
  'button "Copy Fingerprint"',
  'button "Reload"',
  'button "Delete…"',
  'textbox "Name"',
  'combobox "Type"',
  'combobox "Status"',
  'button "Save"',
];

/**
 * Role and accessible name of what has keyboard focus in the panel, as chromium's accessibility tree sees it
 * (Playwright's aria snapshot), e.g. `button "Save"`; LEFT when the panel's document no longer has focus.
 */
async function focused(content: FrameLocator): Promise<string> {
  // The focused element can sit inside a component's shadow root: follow activeElement down, and mark it for a locator.
  const inPanel = await content.locator('body').evaluate((body: any) => {
    const doc = body.ownerDocument;
    if (!doc.hasFocus()) return false;
    let element = doc.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === doc.body) return false;
    element.setAttribute('data-focus-probe', '');
    return true;
  });
  if (!inPanel) return LEFT;
  const probe = content.locator('[data-focus-probe]');
  const snapshot = await probe.ariaSnapshot();
  await probe.evaluate((element: any) => element.removeAttribute('data-focus-probe'));
  const match = /^- (\w+)(?: "((?:[^"\\]|\\.)*)")?/.exec(snapshot.trim());
  return match ? `${match[1]} "${match[2] ?? ''}"` : snapshot.trim();
}

/** Presses `key` until focus reaches `what`; says where focus went instead. */
async function pressUntil(page: Page, content: FrameLocator, key: string, what: string, limit = 40): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const now = await focused(content);
    if (now === what) return;
    seen.push(now);
  }
  assert.fail(`${key} did not reach ${what}; it went through: ${seen.join(', ')}`);
}

describe('A detail panel with the keyboard alone (real VS Code)', function () {
  this.timeout(300_000);
  let env: DemoEnvironment | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let content: FrameLocator;

  before(async () => {
    env = await startDemoEnvironment({
      serverPort: 0,
      podPort: 0,
      stateDir: path.join(REPO_ROOT, '.vscode-test', 'ui-tests'),
      freshProfile: true,
      logFile: path.join(REPO_ROOT, 'test-results', 'ui-tests-code-server.log'),
    });
    browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    page = await context.newPage();
    // Start-up waits on the workbench itself with no limit of its own: this hook's limit (above) bounds it, and on a
    // busy machine code-server can take longer than Playwright's 30 s default to serve its first page.
    await page.goto(`${env.url}/?folder=${encodeURIComponent(env.workspace)}`, { waitUntil: 'domcontentloaded', timeout: 0 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 0 });
    await page.locator('.part.activitybar').waitFor({ state: 'visible', timeout: 0 });
    await openSymphonyView(page);
    await dismissNotifications(page);
    await showCategory(page, 'Certificates');
    await need(treeRow(page, CERT), `certificate row "${CERT}"`);
    await clickInlineAction(page, CERT, 'Open Details');
    content = await webviewContent(page, /expired/i);
    await need(content.locator('vscode-button[data-action="Save"]'), 'the Save button of the attributes form');
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await env?.close();
  });

  it('tabs through every control in reading order, each named, and then out of the panel', async () => {
    await content.locator('h1').click(); // focus inside the panel, on nothing focusable: the next Tab is the first control
    const order: string[] = [];
    for (let i = 0; i < TAB_ORDER.length + 1; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused(content));
    }
    assert.deepEqual(order, [...TAB_ORDER, LEFT]);
  });

  it('walks back with Shift+Tab in the reverse order', async () => {
    await content.locator('h1').click();
    await pressUntil(page, content, 'Tab', TAB_ORDER[TAB_ORDER.length - 1]);
    const order: string[] = [];
    for (let i = 1; i < TAB_ORDER.length; i++) {
      await page.keyboard.press('Shift+Tab');
      order.push(await focused(content));
    }
    assert.deepEqual(order, [...TAB_ORDER].reverse().slice(1));
  });

  it('presses a button with Enter and announces its answer in a status region', async () => {
    await content.locator('h1').click();
    await pressUntil(page, content, 'Tab', 'button "Copy Fingerprint"');
    await page.keyboard.press('Enter');
    const answer = content.locator('[role="status"]', { hasText: 'Copied the fingerprint.' });
    await need(answer, 'the status "Copied the fingerprint." after Enter on Copy Fingerprint', 15_000);
    assert.equal(await answer.first().getAttribute('aria-live'), 'polite');
  });

  it('opens the Type dropdown with the keyboard and closes it with Escape, focus staying on it', async () => {
    await content.locator('h1').click();
    await pressUntil(page, content, 'Tab', 'combobox "Type"');
    const type = content.locator('#type [role="combobox"]');
    await page.keyboard.press('Space');
    await need(content.locator('#type [role="listbox"]'), 'the Type list open after Space');
    assert.equal(await type.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Escape');
    await content.locator('#type [role="listbox"]').waitFor({ state: 'hidden', timeout: 5000 });
    assert.equal(await type.getAttribute('aria-expanded'), 'false');
    assert.equal(await focused(content), 'combobox "Type"');
  });

  it('marks a refused field invalid for screen readers and describes it by the answer, with focus on it', async () => {
    await content.locator('h1').click();
    await pressUntil(page, content, 'Tab', 'textbox "Name"');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Space'); // a blank name: refused by the extension before any request
    await pressUntil(page, content, 'Tab', 'button "Save"');
    await page.keyboard.press('Enter');
    const input = content.locator('#name input');
    await need(content.locator('#name input[aria-invalid="true"]'), 'aria-invalid on the Name field after the refused save', 15_000);
    assert.equal(await focused(content), 'textbox "Name"');
    const description = await input.evaluate((element: any) => (element.ariaDescribedByElements ?? []).map((e: any) => e.textContent).join(' '));
    assert.match(description, /certificate name/i);
  });
});
