import * as assert from 'assert';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { listFiles, PackageManager } from '@vscode/vsce';

// The README is the extension's page in the Marketplace and in VS Code's Extensions view; the walkthrough's pictures
// are read from the installed extension. The package's file list comes from vsce itself (the same .vscodeignore
// rules `npm run package` applies).
const ROOT = path.join(__dirname, '..', '..', '..', '..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

// Asked by the tests that need it (not a root hook: that would walk the repository before every other test file too).
let packagedFiles: Promise<Set<string>> | undefined;
function packaged(): Promise<Set<string>> {
  packagedFiles ??= listFiles({ cwd: ROOT, packageManager: PackageManager.None, packagedDependencies: [] })
    .then((files) => new Set(files.map((file) => file.split(path.sep).join('/'))));
  return packagedFiles;
}

/** The targets of Markdown images and links, and of <img src>, without in-page anchors. */
function targets(markdown: string): string[] {
  const found: string[] = [];
  for (const match of markdown.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) found.push(match[1]);
  for (const match of markdown.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)) found.push(match[1]);
  return found.filter((target) => !target.startsWith('#'));
}

describe('the README as the Marketplace and details page', () => {
  it('links only to files that are in the package or to absolute https URLs, and shows pictures that exist', async () => {
    const files = await packaged();
    const all = targets(readme);
    const isImage = (target: string) => /\.(png|jpe?g|gif|webp)$/i.test(target);
    const relative = all.filter((target) => !/^https:\/\//.test(target)).map((target) => target.replace(/^\.\//, '').split('#')[0]);
    // A link opens a file of the installed extension: it must be there. (Relative pictures do not render on the
    // installed details page in VS Code 1.139 whatever the package holds; publishing rewrites them, see CONTRIBUTING.md.)
    const missing = relative.filter((target) => !isImage(target) && !files.has(target));
    assert.deepEqual(missing, [], 'add these to .vscodeignore, or link them by absolute URL (or not at all)');
    const absent = relative.filter((target) => isImage(target) && !existsSync(path.join(ROOT, target)));
    assert.deepEqual(absent, [], 'pictures the README shows but the repository lacks');
    assert.deepEqual(all.filter((target) => /^http:/.test(target)), [], 'the Marketplace wants https');
  });

  it('keeps the set-up of two commands, npm start and npm test (CI runs the README\'s test command)', () => {
    const development = readme.split(/^## /m).find((section) => section.startsWith('Development'));
    assert.ok(development, 'a "## Development" section');
    const commands = [...development.matchAll(/^(npm \S+)/gm)].map((match) => match[1]);
    assert.deepEqual(commands, ['npm start', 'npm test']);
    assert.ok(pkg.scripts.start && pkg.scripts.test);
  });
});

describe('the walkthrough', () => {
  const walkthroughs: Array<{ id: string; steps: Array<{ id: string; media: { image?: string; markdown?: string }; completionEvents?: string[] }> }> =
    pkg.contributes.walkthroughs;
  const views = new Set(Object.values(pkg.contributes.views as Record<string, Array<{ id: string }>>).flat().map((view) => view.id));

  it('has a picture in the package for every step', async () => {
    const files = await packaged();
    assert.ok(walkthroughs.length > 0);
    for (const step of walkthroughs.flatMap((walkthrough) => walkthrough.steps)) {
      const media = step.media.image ?? step.media.markdown;
      assert.ok(media, `step ${step.id} has no image`);
      assert.ok(files.has(media), `step ${step.id}: ${media} is not in the package`);
    }
  });

  it('completes every step by an event VS Code knows, on views this extension contributes', () => {
    for (const step of walkthroughs.flatMap((walkthrough) => walkthrough.steps)) {
      assert.ok(step.completionEvents?.length, `step ${step.id} never completes`);
      for (const event of step.completionEvents) {
        assert.match(event, /^((onCommand|onView|onContext|onSettingChanged|onLink|extensionInstalled):.+|onStepSelected)$/, step.id);
        if (event.startsWith('onView:')) assert.ok(views.has(event.slice('onView:'.length)), `${step.id}: ${event} is not a contributed view`);
      }
    }
  });
});
