// `npm run ui:screenshots [-- --out docs] [--keep]`
// Starts the same environment as `npm start` (pod emulator + demo pod + code-server with the extension; fresh VS Code
// profile, free ports, state under .vscode-test/screenshots), opens the workbench in chromium at 1400×900, and saves:
//   docs/workbench.png   the workbench after start-up
//   docs/tree.png        the Symphony view with the Demo pod and its categories expanded
// It says which step it could not do (activity-bar item, view, tree rows) instead of failing silently.
import * as fs from 'fs';
import * as path from 'path';
import { chromium, Browser, Page } from 'playwright-core';
import { startDemoEnvironment, DemoEnvironment } from './environment';
import { CHROMIUM_FLAGS, PrerequisiteError, REPO_ROOT, findChromium } from './getVSCode';

const CONTAINER_ID = 'symphony';
const VIEW_ID = 'symphonyPodAdmin.pods';

function say(message: string): void {
  console.log(`[ui:screenshots] ${message}`);
}

async function shot(page: Page, outDir: string, name: string): Promise<string> {
  const file = path.join(outDir, name);
  await page.screenshot({ path: file });
  say(`saved ${path.relative(REPO_ROOT, file)}`);
  return file;
}

/** Opens the Symphony container: its activity-bar item, else the command that shows it. */
async function openSymphonyView(page: Page): Promise<boolean> {
  // The item's class names the container: activity-workbench-view-extension-<container id>-<hash>.
  const byClass = page.locator(`.part.activitybar a[class*="activity-workbench-view-extension-${CONTAINER_ID}-"]`).first();
  const byLabel = page.locator('.part.activitybar a[aria-label^="Symphony" i]').first();
  await byClass.waitFor({ state: 'visible', timeout: 15_000 }).catch(() => undefined);
  for (const candidate of [byClass, byLabel]) {
    if (await candidate.isVisible().catch(() => false)) {
      await candidate.click();
      say('clicked the Symphony activity-bar item');
      return true;
    }
  }
  say(`could not find a "Symphony" activity-bar item (view container "${CONTAINER_ID}"); trying the command palette`);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>View: Show Symphony`);
  await page.waitForTimeout(1000);
  const first = page.locator('.quick-input-widget .monaco-list-row').first();
  if (await first.isVisible().catch(() => false)) {
    const text = (await first.innerText()).replace(/\s+/g, ' ');
    if (/symphony/i.test(text)) {
      await first.click();
      say(`ran "${text}" from the command palette`);
      return true;
    }
  }
  await page.keyboard.press('Escape');
  say('could not open the Symphony view container from the command palette either');
  return false;
}

/** Drags the sidebar's edge so long labels fit in the picture. */
async function widenSidebar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width) {
    return;
  }
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
}

/** Expands collapsed rows of the Pods tree, breadth first, a bounded number of times. */
async function expandTree(page: Page, maxExpansions: number): Promise<number> {
  const sidebar = page.locator('.part.sidebar');
  const rows = sidebar.locator('.monaco-list-row[aria-expanded="false"]');
  try {
    await sidebar.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 20_000 });
  } catch {
    say('the sidebar shows no tree rows after 20 s');
    return 0;
  }
  await page.waitForTimeout(1000);
  let expanded = 0;
  for (let i = 0; i < maxExpansions; i++) {
    const count = await rows.count();
    if (count === 0) {
      break;
    }
    const row = rows.first();
    const label = (await row.innerText().catch(() => '')).split('\n')[0];
    const before = count;
    await row.locator('.monaco-tl-twistie').click();
    await page.waitForTimeout(1500);
    if ((await rows.count()) >= before && (await row.getAttribute('aria-expanded').catch(() => null)) === 'false') {
      say(`row "${label}" did not expand; stopping`);
      break;
    }
    expanded++;
    say(`expanded "${label}"`);
  }
  return expanded;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const outIndex = argv.indexOf('--out');
  const outDir = path.resolve(outIndex >= 0 ? argv[outIndex + 1] : path.join(REPO_ROOT, 'docs'));
  fs.mkdirSync(outDir, { recursive: true });
  const chromePath = findChromium();

  let env: DemoEnvironment | undefined;
  let browser: Browser | undefined;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await env?.close();
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
    });
    say(`VS Code at ${env.url}, pod emulator at ${env.podUrl}`);
    browser = await chromium.launch({ executablePath: chromePath, headless: true, args: CHROMIUM_FLAGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${env.url}/?folder=${encodeURIComponent(env.workspace)}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.part.activitybar').waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForTimeout(5000); // extensions activate, notifications settle
    await shot(page, outDir, 'workbench.png');

    let problems = 0;
    if (await openSymphonyView(page)) {
      const header = page.locator(`.part.sidebar .pane-header`).filter({ hasText: /pods/i }).first();
      const viewBody = page.locator(`.part.sidebar [id*="${VIEW_ID}"], .part.sidebar .pane-body`).first();
      if (!(await viewBody.isVisible().catch(() => false)) && !(await header.isVisible().catch(() => false))) {
        say(`the sidebar shows no "${VIEW_ID}" (Pods) view`);
        problems++;
      }
      await widenSidebar(page, 520);
      await page.waitForTimeout(1000);
      const expanded = await expandTree(page, 3);
      if (expanded === 0) {
        say('found no collapsed tree rows to expand (no pod configured, or the tree did not load)');
      }
      await page.mouse.move(1300, 850); // no hover highlight in the picture
      await page.waitForTimeout(1000);
      await shot(page, outDir, 'tree.png');
    } else {
      problems++;
    }
    return problems === 0 ? 0 : 2;
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
