// `npm run ui:screenshots [-- --out docs] [--only tree,expiry-report] [--production | --walkthrough]`
// Starts the same environment as `npm start` (pod emulator + demo pod + code-server with the extension; fresh VS Code
// profile, free ports, state under .vscode-test/screenshots), opens the workbench in chromium at 1400×900 and drives
// it like a user (clicks, keyboard, command palette; no test hooks) to save:
//   docs/workbench.png               the workbench after start-up
//   docs/tree.png                    the Pods tree with Certificates expanded (expired / expiring decorations)
//   docs/webview-certificate.png     an expired certificate's detail panel
//   docs/webview-application.png     an app with a current and a rotated RSA key, scrolled to its Keys section
//   docs/webview-group.png           a group's detail panel
//   docs/webview-unsaved.png         the same panel with unsaved edits (● in its tab) and a refused Save's answer
//   docs/manifest-intellisense.png   an app manifest as JSON, completion list open inside "permissions": [ … ]
//   docs/expiry-report.png           Symphony: Show Expiry Report
//   docs/tree-people.png             accepted connections by name, one person's tooltip (email, company, user id)
//   docs/multi-select-confirmation.png  three certificates selected (Ctrl+click), Delete from the context menu: the
//                                    one modal confirmation that lists them (answered Cancel: nothing is deleted)
// With `--production` the demo pod is a production pod, and the shots are of the production lock:
//   docs/production.png              the pod in the tree and the status bar, locked
//   docs/unlock-prompt.png           Symphony: Unlock for Changes… asking why
//   docs/activity.png                the Activity view after a change made while unlocked
// With `--walkthrough`, the small pictures of the walkthrough (package.json `contributes.walkthroughs`), each cut to
// the part of the window its step is about:
//   media/walkthrough/add-pod.png        Symphony: Add Pod… (its first question; cancelled, nothing is added)
//   media/walkthrough/tree.png           the Pods view with Certificates expanded
//   media/walkthrough/manifest.png       an app manifest as JSON, completion open inside "permissions": [ … ]
//   media/walkthrough/expiry-report.png  the expiry report
// Each shot is its own step: a step that fails says what it looked for, saves test-results/screenshots-<name>-failed.png
// and the run goes on with the next one (exit code 2). The environment (code-server's process group, the emulator)
// is always stopped at the end.
import * as fs from 'fs';
import * as path from 'path';
import { chromium, Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { startDemoEnvironment, DemoEnvironment } from './environment';
import { CHROMIUM_FLAGS, PrerequisiteError, REPO_ROOT, findChromium } from './getVSCode';
import {
  POD, StepError, clickInlineAction, closeAllEditors, dismissNotifications, need, openSymphonyView, runCommand, setExpanded, setSidebarWidth,
  showCategory, treeRow, webviewContent,
} from './workbenchDriver';

const FAILURE_DIR = path.join(REPO_ROOT, 'test-results');

// The demo data is seeded (src/podEmulator/seed.ts), so these names are stable.
const EXPIRED_CERT = 'svc-rates-monitor-emea-0002';
const APP_WITH_KEYS = 'Bloomberg Chat Bridge'; // current + previous (rotated) RSA key
const BOT_WITH_KEYS = 'Jira Alerts Bot'; // a service account with a current and a still valid previous key
const SELECTED_CERTS = [EXPIRED_CERT, 'svc-rates-bot-apac-0004', 'svc-operations-notifier-emea-0005']; // none pod-managed

function say(message: string): void {
  console.log(`[ui:screenshots] ${message}`);
}

/** Scrolls the webview with the mouse wheel until `target` is near the top of the editor area. */
async function wheelUntilNearTop(page: Page, target: Locator, what: string): Promise<void> {
  const editor = await page.locator('.part.editor').boundingBox();
  if (!editor) throw new StepError('no editor area');
  await page.mouse.move(editor.x + editor.width / 2, editor.y + editor.height / 2);
  for (let i = 0; i < 40; i++) {
    const box = await target.boundingBox();
    if (!box) throw new StepError(`no ${what} in the webview`);
    if (box.y < editor.y + 140) return;
    await page.mouse.wheel(0, 100);
    await page.waitForTimeout(100);
  }
  say(`${what} is as high as the page scrolls`);
}

async function shot(page: Page, outDir: string, name: string, clip?: Clip): Promise<void> {
  await page.mouse.move(1395, 600); // no hover highlight or tooltip in the picture
  await page.waitForTimeout(800);
  const file = path.join(outDir, name);
  await page.screenshot({ path: file, clip });
  say(`saved ${path.relative(REPO_ROOT, file)}`);
}

interface Clip { x: number; y: number; width: number; height: number }

/** The on-screen box of `locator` grown by `margin` on each side, cut to at most `maxHeight` (walkthrough pictures). */
async function clipOf(locator: Locator, what: string, margin = 0, maxHeight = 900): Promise<Clip> {
  const box = await locator.boundingBox();
  if (!box) throw new StepError(`no ${what} on screen to cut the picture to`);
  const x = Math.max(0, box.x - margin);
  const y = Math.max(0, box.y - margin);
  return { x, y, width: box.width + 2 * margin, height: Math.min(maxHeight, box.height + 2 * margin) };
}

// ---- the shots ---------------------------------------------------------------------------------------------------

async function shotTree(page: Page, outDir: string): Promise<void> {
  await showCategory(page, 'Certificates');
  await need(treeRow(page, EXPIRED_CERT), `certificate row "${EXPIRED_CERT}" (an expired one in the demo data)`);
  await shot(page, outDir, 'tree.png');
}

async function shotCertificate(page: Page, outDir: string): Promise<void> {
  await showCategory(page, 'Certificates');
  await clickInlineAction(page, EXPIRED_CERT, 'Open Details');
  await webviewContent(page, /expired/i);
  await shot(page, outDir, 'webview-certificate.png');
}

async function shotApplication(page: Page, outDir: string): Promise<void> {
  await showCategory(page, 'Applications');
  await clickInlineAction(page, APP_WITH_KEYS, 'Open Details');
  const content = await webviewContent(page, APP_WITH_KEYS);
  const keys = content.locator('h2', { hasText: /^Keys$/ });
  await need(keys, 'the "Keys" section heading (h2) in the application panel');
  await need(content.getByText(/previous \(rotated\)/), 'a "previous (rotated)" key row');
  await wheelUntilNearTop(page, keys, 'the Keys section');
  await shot(page, outDir, 'webview-application.png');
}

/** Opens the demo app's manifest as JSON with the completion list open inside `"permissions": [`. */
async function showManifestCompletion(page: Page): Promise<void> {
  await showCategory(page, 'Applications');
  await clickInlineAction(page, APP_WITH_KEYS, 'Edit Manifest');
  const editor = await need(page.locator('.part.editor .monaco-editor[data-uri*="symphony-pod"]'), 'a text editor on a symphony-pod: manifest', 20_000);
  await page.waitForTimeout(3000); // the manifest is fetched and may be refreshed once after opening
  // Click past the end of the `"permissions": [` line (the cursor lands right after `[`, inside the array) and ask for
  // completions. No edit: the document stays as the pod has it.
  const line = await need(editor.locator('.view-line').filter({ hasText: /"permissions":\s*\[\s*$/ }), 'the line `"permissions": [` in the manifest');
  const box = await line.locator('span').first().boundingBox(); // the text, not the full-width line
  if (!box) throw new StepError('the `"permissions": [` line has no position on screen');
  await page.mouse.click(box.x + box.width + 40, box.y + box.height / 2);
  await page.keyboard.press('End');
  await page.waitForTimeout(500);
  await page.mouse.move(1395, 600); // before opening the list: no hover highlight, and nothing closes it afterwards
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.part.editor .suggest-widget.visible');
  await need(suggest.locator('.monaco-list-row'), 'entries in the completion list (Ctrl+Space inside "permissions": [ ])', 10_000);
  await page.waitForTimeout(1000);
  await need(suggest.locator('.monaco-list-row'), 'the completion list still open after 1 s', 1000);
}

async function shotManifest(page: Page, outDir: string): Promise<void> {
  await showManifestCompletion(page);
  const file = path.join(outDir, 'manifest-intellisense.png');
  await page.screenshot({ path: file });
  say(`saved ${path.relative(REPO_ROOT, file)}`);
  await page.keyboard.press('Escape');
}

/** Opens the first group of the first group type from the tree; returns its webview content. */
async function openFirstGroup(page: Page): Promise<FrameLocator> {
  await showCategory(page, 'Groups');
  // Groups → group types → groups: expand the first type, open its first group.
  const groups = await need(treeRow(page, 'Groups'), 'tree row "Groups"');
  const level = Number(await groups.getAttribute('aria-level'));
  const type = await need(page.locator(`.part.sidebar .monaco-list-row[aria-level="${level + 1}"]`), 'a group type row under "Groups"');
  const typeName = (await type.locator('.label-name').innerText()).trim();
  await setExpanded(page, typeName, true);
  const group = await need(page.locator(`.part.sidebar .monaco-list-row[aria-level="${level + 2}"]`), `a group row under "${typeName}"`);
  const groupName = (await group.locator('.label-name').innerText()).trim();
  await clickInlineAction(page, groupName, 'Open Details');
  return webviewContent(page, groupName);
}

async function shotGroup(page: Page, outDir: string): Promise<void> {
  await openFirstGroup(page);
  await shot(page, outDir, 'webview-group.png');
}

async function shotServiceAccounts(page: Page, outDir: string): Promise<void> {
  await showCategory(page, 'Service accounts');
  await need(treeRow(page, BOT_WITH_KEYS), `service account row "${BOT_WITH_KEYS}"`);
  await shot(page, outDir, 'tree-service-accounts.png');
}

async function shotAccountDetails(page: Page, outDir: string): Promise<void> {
  await showCategory(page, 'Service accounts');
  await clickInlineAction(page, BOT_WITH_KEYS, 'Open Details');
  await webviewContent(page, /RSA keys/);
  await shot(page, outDir, 'account-details.png');
}

async function shotPeople(page: Page, outDir: string): Promise<void> {
  await showCategory(page, 'Connections');
  await setExpanded(page, 'Accepted', true);
  const accepted = await need(treeRow(page, 'Accepted'), 'tree row "Accepted"');
  const level = Number(await accepted.getAttribute('aria-level'));
  const people = page.locator(`.part.sidebar .monaco-list-row[aria-level="${level + 1}"]`);
  const person = await need(people.filter({ hasNot: page.locator('.label-name', { hasText: /^\s*User \d/ }) }), 'a connection labelled with a name (not "User <id>")');
  await person.hover();
  await need(page.locator('.monaco-hover, .workbench-hover').filter({ hasText: /User id: \d+/ }), 'the tooltip of a connection (name, email, user id)', 10_000);
  await page.waitForTimeout(500);
  const file = path.join(outDir, 'tree-people.png');
  await page.screenshot({ path: file }); // not shot(): it moves the pointer away, and the tooltip is the point
  say(`saved ${path.relative(REPO_ROOT, file)}`);
}

/** Types into two fields (one list the form cannot read), presses Save: the tab shows ●, the answer sits by the field. */
async function shotUnsaved(page: Page, outDir: string): Promise<void> {
  const content = await openFirstGroup(page);
  await (await need(content.locator('#p-jobTitle input'), 'the "Job title" field of the group form')).fill('Head of Rates');
  await (await need(content.locator('#visibilityRestriction-users input'), 'the "Visibility restriction: user ids" field')).fill('13056700580913, rates desk');
  await need(page.locator('.tab.active', { hasText: /● Group: / }), 'the active tab titled "● Group: …" (unsaved edits)', 5000);
  await (await need(content.locator('vscode-button[data-action="Save"]'), 'the form\'s Save button')).click();
  await need(content.getByText(/enter ids as positive whole numbers/), 'the refusal next to the list field', 5000);
  await shot(page, outDir, 'webview-unsaved.png');
}

async function shotExpiryReport(page: Page, outDir: string): Promise<void> {
  await runCommand(page, 'Symphony: Show Expiry Report');
  const content = await webviewContent(page, EXPIRED_CERT);
  await need(content.locator('table'), 'a table in the expiry report');
  await shot(page, outDir, 'expiry-report.png');
}

async function shotMultiSelect(page: Page, outDir: string): Promise<void> {
  await showCategory(page, 'Certificates');
  for (const name of SELECTED_CERTS) {
    const row = await need(treeRow(page, name), `certificate row "${name}"`);
    await row.scrollIntoViewIfNeeded();
    // A plain click opens the details: select with Ctrl+click only (the first too, so nothing opens).
    await row.locator('.label-name').click({ modifiers: ['Control'] });
  }
  await need(page.locator('.part.sidebar .monaco-list-row.selected'), 'selected rows in the Pods tree');
  const selected = await page.locator('.part.sidebar .monaco-list-row.selected').count();
  if (selected !== SELECTED_CERTS.length) throw new StepError(`${selected} rows selected after Ctrl+clicking ${SELECTED_CERTS.length}`);
  await treeRow(page, SELECTED_CERTS[0]).locator('.label-name').click({ button: 'right' });
  await (await need(page.locator('.context-view .action-item').filter({ hasText: /^Delete Certificate/ }), 'the context menu entry "Delete Certificate…"')).click();
  const dialog = await need(page.locator('.monaco-dialog-box'), 'the modal confirmation (.monaco-dialog-box)', 20_000);
  await need(dialog.getByText(new RegExp(`Delete ${SELECTED_CERTS.length} certificates`)), `"Delete ${SELECTED_CERTS.length} certificates" in the confirmation`);
  await shot(page, outDir, 'multi-select-confirmation.png');
  await (await need(dialog.locator('.monaco-button').filter({ hasText: /^Cancel$/ }), 'the Cancel button of the confirmation')).click();
}

async function shotProduction(page: Page, outDir: string): Promise<void> {
  await showCategory(page, 'Certificates');
  await need(page.locator('.part.statusbar').getByText(/Locked/), 'the status bar\'s "Locked" item');
  await shot(page, outDir, 'production.png');
}

async function shotUnlockPrompt(page: Page, outDir: string): Promise<void> {
  await runCommand(page, 'Symphony: Unlock for Changes…');
  const input = await need(page.locator('.quick-input-widget input'), 'the unlock reason input');
  await input.fill('CHG-20417: rename the EMEA rates monitor certificate');
  await shot(page, outDir, 'unlock-prompt.png');
  await page.keyboard.press('Enter');
  await need(page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: '30 minutes' }), 'the duration pick (30 minutes)');
  await page.keyboard.press('Enter');
  await need(page.locator('.part.statusbar').getByText(/Unlocked \d+:\d\d/), 'the status bar countdown');
}

async function shotActivity(page: Page, outDir: string): Promise<void> {
  if (!(await page.locator('.part.statusbar').getByText(/Unlocked \d+:\d\d/).first().isVisible().catch(() => false))) await shotUnlockPrompt(page, outDir);
  // A change made as a user makes it: Update Certificate on the expired certificate's row, then the Activity view.
  await showCategory(page, 'Certificates');
  const row = await need(treeRow(page, EXPIRED_CERT), `tree row "${EXPIRED_CERT}"`);
  await row.click({ button: 'right' });
  await (await need(page.locator('.context-view .action-label').filter({ hasText: /^Update Certificate Name/ }), 'the "Update Certificate Name, Type or Status…" menu entry')).click();
  const input = await need(page.locator('.quick-input-widget input'), 'the certificate name input');
  await input.fill(`${EXPIRED_CERT} (retired)`);
  await page.keyboard.press('Enter');
  for (const what of ['certificate type', 'certificate status']) {
    await need(page.locator('.quick-input-widget .monaco-list-row'), `the ${what} pick`);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
  }
  await setExpanded(page, POD, false);
  const header = await need(page.locator('.part.sidebar .pane-header').filter({ hasText: /activity/i }), 'the "Activity" view header');
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await need(page.locator('.part.sidebar .monaco-list-row').filter({ hasText: /Update certificate/ }), 'an "Update certificate" entry in the Activity view', 20_000);
  await shot(page, outDir, 'activity.png');
}

// ---- the walkthrough's pictures (--walkthrough: media/walkthrough/, cut to the part the step is about) ----------

async function shotWalkthroughAddPod(page: Page, outDir: string): Promise<void> {
  await runCommand(page, 'Symphony: Add Pod…');
  const widget = await need(page.locator('.quick-input-widget'), 'the Add Pod wizard (a quick input)', 10_000);
  await need(widget.locator('input'), 'the input box of the Add Pod wizard');
  await page.waitForTimeout(500);
  const clip = await clipOf(widget, 'Add Pod wizard', 12);
  await page.screenshot({ path: path.join(outDir, 'add-pod.png'), clip });
  say(`saved ${path.relative(REPO_ROOT, path.join(outDir, 'add-pod.png'))}`);
  await page.keyboard.press('Escape'); // cancels the wizard: nothing is added
}

async function shotWalkthroughTree(page: Page, outDir: string): Promise<void> {
  await showCategory(page, 'Certificates');
  await need(treeRow(page, EXPIRED_CERT), `certificate row "${EXPIRED_CERT}" (an expired one in the demo data)`);
  await shot(page, outDir, 'tree.png', await clipOf(page.locator('.part.sidebar'), 'sidebar', 0, 520));
}

async function shotWalkthroughManifest(page: Page, outDir: string): Promise<void> {
  await showManifestCompletion(page);
  const clip = await clipOf(page.locator('.part.editor'), 'editor area', 0, 560);
  await page.screenshot({ path: path.join(outDir, 'manifest.png'), clip }); // at once, like shotManifest: the list is up
  say(`saved ${path.relative(REPO_ROOT, path.join(outDir, 'manifest.png'))}`);
  await page.keyboard.press('Escape');
}

async function shotWalkthroughExpiryReport(page: Page, outDir: string): Promise<void> {
  await runCommand(page, 'Symphony: Show Expiry Report');
  const content = await webviewContent(page, EXPIRED_CERT);
  await need(content.locator('table'), 'a table in the expiry report');
  await shot(page, outDir, 'expiry-report.png', await clipOf(page.locator('.part.editor'), 'editor area', 0, 520));
}

// ---- driver ------------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const outIndex = argv.indexOf('--out');
  const walkthrough = argv.includes('--walkthrough');
  const outDir = path.resolve(outIndex >= 0 ? argv[outIndex + 1] : path.join(REPO_ROOT, walkthrough ? 'media/walkthrough' : 'docs'));
  fs.mkdirSync(outDir, { recursive: true });
  const chromePath = findChromium();
  const production = argv.includes('--production');

  let env: DemoEnvironment | undefined;
  let browser: Browser | undefined;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await env?.close(); // kills code-server's process group and stops the emulator
  };
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    env = await startDemoEnvironment({
      serverPort: 0,
      podPort: 0,
      stateDir: path.join(REPO_ROOT, '.vscode-test', 'screenshots'),
      freshProfile: true,
      logFile: path.join(REPO_ROOT, 'test-results', 'screenshots-code-server.log'),
      demoEnvironment: production ? 'production' : undefined,
    });
    say(`VS Code at ${env.url}, pod emulator at ${env.podUrl}`);
    browser = await chromium.launch({ executablePath: chromePath, headless: true, args: CHROMIUM_FLAGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${env.url}/?folder=${encodeURIComponent(env.workspace)}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.part.activitybar').waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForTimeout(5000); // extensions activate, notifications settle
    if (!production && !walkthrough) await shot(page, outDir, 'workbench.png');

    await dismissNotifications(page);
    await openSymphonyView(page);
    await setSidebarWidth(page, 460);

    const steps: Array<[string, (page: Page, outDir: string) => Promise<void>]> = walkthrough ? [
      ['add-pod', shotWalkthroughAddPod],
      ['tree', shotWalkthroughTree],
      ['manifest', shotWalkthroughManifest],
      ['expiry-report', shotWalkthroughExpiryReport],
    ] : production ? [
      ['production', shotProduction],
      ['unlock-prompt', shotUnlockPrompt],
      ['activity', shotActivity],
    ] : [
      ['tree', shotTree],
      ['webview-certificate', shotCertificate],
      ['webview-application', shotApplication],
      ['manifest-intellisense', shotManifest],
      ['webview-group', shotGroup],
      ['webview-unsaved', shotUnsaved],
      ['expiry-report', shotExpiryReport],
      ['tree-service-accounts', shotServiceAccounts],
      ['account-details', shotAccountDetails],
      ['tree-people', shotPeople],
      ['multi-select-confirmation', shotMultiSelect],
    ];
    const onlyIndex = argv.indexOf('--only');
    const only = onlyIndex >= 0 ? argv[onlyIndex + 1].split(',') : undefined;
    const failed: string[] = [];
    for (const [name, step] of steps.filter(([name]) => !only || only.includes(name))) {
      try {
        await dismissNotifications(page);
        await step(page, outDir);
      } catch (error) {
        failed.push(name);
        fs.mkdirSync(FAILURE_DIR, { recursive: true });
        const file = path.join(FAILURE_DIR, `screenshots-${name}-failed.png`);
        await page.screenshot({ path: file }).catch(() => undefined);
        say(`${name}: ${error instanceof StepError ? error.message : (error as Error)?.stack ?? error} (see ${path.relative(REPO_ROOT, file)})`);
        await page.keyboard.press('Escape').catch(() => undefined);
      }
      await closeAllEditors(page).catch(() => undefined);
    }
    if (failed.length) say(`could not take: ${failed.join(', ')}`);
    return failed.length === 0 ? 0 : 2;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(
      error instanceof PrerequisiteError ? error.message : `ui:screenshots failed: ${(error as Error)?.stack ?? error}`,
    );
    process.exit(1);
  },
);
