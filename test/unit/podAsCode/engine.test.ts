import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyPlan, exportPod, hasWrites, PlanConflictError, planFolder, PodFolderError, writesOf } from '../../../src/podAsCode';
import { publicKeyFingerprint } from '../../../src/credentials/keyRotation';
import { apiRequests, clientFor, usePod } from '../api/podFixture';
import { editJson, filesUnder, readJson, useFolders, writeJson } from './folderHelpers';

/** The seeded pod holds two SDL groups with the same name: the second cannot be described by the folder. */
const DUPLICATE_ID = 'SDL/Rates Analytics AMER~WzE5MF1bU0RMXVsyOV0';
const DUPLICATE_REASON = 'another SDL group is named "Rates Analytics AMER": rename one to manage it';

const writesSeen = (requests: Array<{ method: string; path: string }>) =>
  requests.filter((r) => r.method !== 'GET' && !r.path.includes('/login/') && r.path !== '/pod/v1/companycert/type/list');

describe('pod as code: export, plan, apply (emulator)', () => {
  const pod = usePod();
  const folderFor = useFolders();

  it('exports a pod into a folder of one file per resource, and a plan of it changes nothing', async () => {
    const { client } = clientFor(pod());
    const folder = folderFor();
    const exported = await exportPod(client, folder);
    assert.deepEqual(Object.keys(exported.counts), ['certificates', 'apps', 'groups', 'serviceAccounts']);
    assert.ok(filesUnder(folder, 'apps').includes('jira-notifier.json'));
    assert.deepEqual(readJson(folder, 'pod.json').manages, ['certificates', 'apps', 'groups', 'serviceAccounts']);
    const app = readJson(folder, 'apps/bloomberg-bridge.json');
    assert.deepEqual(Object.keys(app), ['manifest', 'entitlement']);
    assert.equal(app.manifest.authenticationKeys.previous, undefined, 'the rotated key is the pod\'s');
    assert.equal(app.manifest.authenticationKeys.current.expirationDate, undefined);
    assert.ok(!fs.readFileSync(path.join(folder, 'apps/bloomberg-bridge.json'), 'utf8').includes('PRIVATE KEY'));
    const plan = await planFolder(client, folder);
    assert.equal(hasWrites(plan), false, JSON.stringify(plan.changes.filter((c) => c.action !== 'unchanged').map((c) => [c.id, c.action, c.fields])));
    assert.deepEqual(plan.changes.filter((c) => c.action === 'unmanaged').map((c) => c.reason), [DUPLICATE_REASON],
      'only the seeded second group with the same name is left out');
    const again = await exportPod(client, folder);
    assert.deepEqual(again.written, [], 'a second export leaves every file as it was');
    client.dispose();
  });

  it('plans exactly the one app field edited, applies it, and then plans nothing', async () => {
    const { client } = clientFor(pod());
    const folder = folderFor();
    await exportPod(client, folder);
    const before = readJson(folder, 'apps/jira-notifier.json').manifest.description;
    editJson(folder, 'apps/jira-notifier.json', (v) => { v.manifest.description = 'Changed through the folder'; });
    const plan = await planFolder(client, folder);
    assert.deepEqual(writesOf(plan).map((c) => [c.kind, c.id, c.action, c.fields]), [
      ['apps', 'jira-notifier', 'update', [{ field: 'manifest.description', before, after: 'Changed through the folder' }]],
    ]);
    pod().control.clearRequests();
    const result = await applyPlan(client, plan);
    assert.deepEqual(result.applied.map((c) => c.id), ['jira-notifier']);
    assert.equal(result.failed, undefined);
    assert.deepEqual(writesSeen(apiRequests(pod())).map((r) => r.path), ['/pod/v1/admin/app/jira-notifier/update'],
      'one write, though the app holds an expired certificate: only the changed field is sent and checked');
    assert.equal((await client.apps.getApplication('jira-notifier')).description, 'Changed through the folder');
    const second = await planFolder(client, folder);
    assert.equal(hasWrites(second), false);
    assert.deepEqual(await applyPlan(client, second), { applied: [], notApplied: [] });
    client.dispose();
  });

  it('never shows server-side fields as changes: a rotated key\'s expiry, a group\'s eTag and dates', async () => {
    const { client } = clientFor(pod());
    const folder = folderFor();
    await exportPod(client, folder);
    await client.apps.updateApplication('bloomberg-bridge', { authenticationKeys: { previous: { action: 'EXTEND' } } });
    const group = (await client.groups.listAllGroups('SDL'))[0];
    await client.groups.updateGroup(group.id!, group, group.eTag!);
    assert.equal(hasWrites(await planFolder(client, folder)), false);
    client.dispose();
  });

  it('stops before any write when the pod changed since the plan, naming every changed resource', async () => {
    const { client } = clientFor(pod());
    const other = clientFor(pod()).client;
    const folder = folderFor();
    await exportPod(client, folder);
    editJson(folder, 'apps/calendar-sync.json', (v) => { v.manifest.description = 'mine'; });
    const groupFile = `groups/SDL/${filesUnder(folder, 'groups/SDL')[0]}`;
    editJson(folder, groupFile, (v) => { v.profile.jobCity = 'Lisbon'; });
    const plan = await planFolder(client, folder);
    await other.apps.updateApplication('calendar-sync', { description: 'theirs' });
    pod().control.clearRequests();
    await assert.rejects(applyPlan(client, plan), (error: unknown) => {
      assert.ok(error instanceof PlanConflictError);
      assert.deepEqual(error.conflicts.map((c) => [c.kind, c.id, c.what]), [['apps', 'calendar-sync', 'changed since the plan']]);
      return true;
    });
    assert.deepEqual(writesSeen(apiRequests(pod())), [], 'nothing written');
    assert.equal((await client.apps.getApplication('calendar-sync')).description, 'theirs');
    client.dispose();
    other.dispose();
  });

  it('stops at the first failed write and reports what was applied, what failed and what was not applied', async () => {
    const { client } = clientFor(pod());
    const folder = folderFor();
    await exportPod(client, folder);
    const certFile = `certificates/${filesUnder(folder, 'certificates').find((f) => f.endsWith('.json'))}`;
    editJson(folder, certFile, (v) => { v.status = v.status === 'KNOWN' ? 'TRUSTED' : 'KNOWN'; });
    editJson(folder, 'apps/calendar-sync.json', (v) => { v.manifest.description = 'second write'; });
    const groupFile = `groups/SDL/${filesUnder(folder, 'groups/SDL')[0]}`;
    const groupBefore = readJson(folder, groupFile);
    editJson(folder, groupFile, (v) => { v.profile.jobCity = 'Lisbon'; });
    const plan = await planFolder(client, folder);
    pod().control.injectFault({ status: 500, method: 'POST', pathPrefix: '/pod/v1/admin/app/calendar-sync/update' });
    pod().control.clearRequests();
    const result = await applyPlan(client, plan);
    assert.deepEqual(result.applied.map((c) => c.kind), ['certificates']);
    assert.equal(result.failed?.change.id, 'calendar-sync');
    assert.match(result.failed!.error, /500|pod/i);
    assert.deepEqual(result.notApplied.map((c) => c.kind), ['groups']);
    assert.equal(writesSeen(apiRequests(pod())).filter((r) => r.path.includes('calendar-sync/update')).length, 1, 'the failed write is not retried');
    const group = (await client.groups.listAllGroups('SDL')).find((g) => g.name === groupBefore.name);
    assert.equal(group?.profile?.jobCity, groupBefore.profile?.jobCity);
    const rest = await planFolder(client, folder);
    assert.deepEqual(rest.changes.filter((c) => c.action === 'update').map((c) => c.kind), ['apps', 'groups'], 'a new plan has what is left');
    client.dispose();
  });

  it('lists a resource missing from the folder as unmanaged, and deletes it only with prune', async () => {
    const { client } = clientFor(pod());
    const folder = folderFor();
    await exportPod(client, folder);
    const [first, second] = filesUnder(folder, 'groups/SDL');
    const gone = readJson(folder, `groups/SDL/${first}`).name;
    const kept = readJson(folder, `groups/SDL/${second}`).name;
    fs.rmSync(path.join(folder, 'groups/SDL', first));
    fs.rmSync(path.join(folder, 'groups/SDL', second));
    editJson(folder, 'pod.json', (v) => { v.ignore = { groups: [`SDL/${kept}`] }; });
    const plan = await planFolder(client, folder);
    assert.equal(hasWrites(plan), false);
    assert.deepEqual(plan.changes.filter((c) => c.action === 'unmanaged').map((c) => [c.id, c.reason]).sort(), [
      [`SDL/${gone}`, 'not in the folder (apply --prune deletes it)'],
      [`SDL/${kept}`, 'ignored in pod.json'],
      [DUPLICATE_ID, DUPLICATE_REASON],
    ].sort());
    const pruning = await planFolder(client, folder, { prune: true });
    assert.deepEqual(pruning.changes.filter((c) => c.action === 'delete').map((c) => c.id), [`SDL/${gone}`]);
    await applyPlan(client, pruning);
    const groups = await client.groups.listAllGroups('SDL');
    assert.equal(groups.find((g) => g.name === gone)?.status, 'DELETED');
    assert.equal(groups.find((g) => g.name === kept)?.status, 'ACTIVE');
    assert.equal(hasWrites(await planFolder(client, folder, { prune: true })), false);
    client.dispose();
  });

  it('never reads or writes a kind the folder does not manage', async () => {
    const { client } = clientFor(pod());
    const folder = folderFor();
    await exportPod(client, folder);
    fs.rmSync(path.join(folder, 'groups'), { recursive: true });
    editJson(folder, 'pod.json', (v) => { v.manages = ['certificates', 'apps']; });
    pod().control.clearRequests();
    const plan = await planFolder(client, folder, { prune: true });
    assert.equal(hasWrites(plan), false, 'a missing groups/ folder never means "no groups"');
    assert.ok(!apiRequests(pod()).some((r) => r.path.startsWith('/profile-manager/')));
    client.dispose();
  });

  it('refuses a malformed file naming the file, the line and the field, and sends nothing', async () => {
    const { client } = clientFor(pod());
    const folder = folderFor();
    await exportPod(client, folder);
    editJson(folder, 'apps/calendar-sync.json', (v) => { v.manifest.applicationInfo.appUrl = 'http://calendar.example.com'; });
    pod().control.clearRequests();
    await assert.rejects(planFolder(client, folder), (error: unknown) => {
      assert.ok(error instanceof PodFolderError);
      assert.equal(error.file, 'apps/calendar-sync.json');
      assert.equal(error.field, 'manifest.applicationInfo.appUrl');
      assert.equal(error.line, 6);
      assert.match(error.message, /https/);
      return true;
    });
    fs.writeFileSync(path.join(folder, 'apps/calendar-sync.json'), '{\n  "manifest": {\n    "applicationInfo": {,\n}');
    await assert.rejects(planFolder(client, folder), /apps\/calendar-sync\.json line 3: not valid JSON/);
    writeJson(folder, 'apps/calendar-sync.json', { manifest: { applicationInfo: { appId: 'calendar-sync' }, cert: '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----' } });
    await assert.rejects(planFolder(client, folder), /field manifest\.cert: this holds a private key/);
    assert.deepEqual(writesSeen(apiRequests(pod())), []);
    client.dispose();
  });
});

describe('pod as code: promotion dev → prod with an environment\'s variables (two emulators)', () => {
  const dev = usePod();
  const prod = usePod();
  const folderFor = useFolders();

  it('creates the app on prod with prod\'s values, keeps the placeholders on re-export, and plans nothing after', async () => {
    const devClient = clientFor(dev()).client;
    const prodClient = clientFor(prod()).client;
    const folder = folderFor('promote');
    await exportPod(devClient, folder);
    editJson(folder, 'pod.json', (v) => {
      v.manages = ['apps'];
      v.environments = {
        dev: { podUrl: dev().url, variables: { appHost: 'apps.dev.example.com', domain: 'dev.example.com' } },
        prod: { podUrl: prod().url, variables: { appHost: 'apps.example.com', domain: 'example.com' } },
      };
    });
    // Only the app to promote: the seeded apps' certificates are made per emulator (jira-notifier's expired one
    // differs between the two pods), and promoting an expired certificate is refused, as it should be.
    for (const dir of ['certificates', 'groups', 'apps']) fs.rmSync(path.join(folder, dir), { recursive: true });
    writeJson(folder, 'apps/promoted-app.json', {
      manifest: {
        applicationInfo: { appId: 'promoted-app', name: 'Promoted', appUrl: 'https://${appHost}/promoted', domain: '${domain}', publisher: 'Acme' },
        description: 'One folder, many pods', permissions: ['SEND_MESSAGES'],
      },
      entitlement: { enable: true, listed: false, install: true },
    });

    const onDev = await planFolder(devClient, folder, { environment: 'dev' });
    assert.deepEqual(writesOf(onDev).map((c) => [c.id, c.action]), [['promoted-app', 'create']]);
    await applyPlan(devClient, onDev);

    const onProd = await planFolder(prodClient, folder, { environment: 'prod' });
    assert.deepEqual(writesOf(onProd).map((c) => [c.id, c.action]), [['promoted-app', 'create']]);
    const result = await applyPlan(prodClient, onProd);
    assert.equal(result.failed, undefined);
    const created = await prodClient.apps.getApplication('promoted-app');
    assert.equal(created.applicationInfo?.appUrl, 'https://apps.example.com/promoted');
    assert.equal(created.applicationInfo?.domain, 'example.com');
    const entitlement = (await prodClient.apps.listPodAppEntitlements()).find((e) => e.appId === 'promoted-app');
    assert.deepEqual([entitlement?.listed, entitlement?.install], [false, true]);
    assert.equal(hasWrites(await planFolder(prodClient, folder, { environment: 'prod' })), false);

    await devClient.apps.updateApplication('promoted-app', { description: 'edited on dev' });
    const refreshed = await exportPod(devClient, folder, { environment: 'dev' });
    assert.ok(refreshed.written.includes('apps/promoted-app.json'));
    const file = readJson(folder, 'apps/promoted-app.json');
    assert.equal(file.manifest.applicationInfo.appUrl, 'https://${appHost}/promoted', 'the placeholder survives the refresh');
    assert.equal(file.manifest.description, 'edited on dev');
    await assert.rejects(exportPod(devClient, folder), /say which one this pod is \(--env\)/);
    devClient.dispose();
    prodClient.dispose();
  });
});

describe('pod as code: service accounts (emulator)', () => {
  const pod = usePod();
  const folderFor = useFolders();
  const account = (username: string) => [...pod().control.state.directory.values()].find((u) => u.username === username)!;

  it('exports attributes, roles and the current key\'s fingerprint, never a key; plans nothing; an edit plans and applies only that change', async () => {
    const { client } = clientFor(pod());
    const folder = folderFor();
    await exportPod(client, folder);
    const file = 'serviceAccounts/jira-alerts-bot.json';
    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    assert.doesNotMatch(text, /BEGIN|KEY-----/);
    const exported = readJson(folder, file);
    const bot = account('jira-alerts-bot');
    assert.equal(exported.userName, 'jira-alerts-bot');
    assert.deepEqual(exported.roles, [...bot.admin!.roles].sort());
    assert.deepEqual(exported.currentKey, { fingerprint: publicKeyFingerprint(bot.admin!.keys.current!.key) });
    assert.equal(exported.previousKey, undefined, 'the rotated key is the pod\'s');
    const person = [...pod().control.state.directory.values()].find((u) => u.accountType === 'NORMAL' && u.admin)!;
    assert.ok(!filesUnder(folder, 'serviceAccounts').includes(`${person.username}.json`), 'people are not service accounts');
    assert.ok(!filesUnder(folder, 'serviceAccounts').includes('morning-digest.json'), 'a disabled account is not exported');
    assert.equal(hasWrites(await planFolder(client, folder)), false);

    editJson(folder, file, (v) => { v.title = 'Alerts from Jira'; v.roles = [...v.roles, 'CONTENT_MANAGEMENT']; });
    const plan = await planFolder(client, folder);
    assert.deepEqual(writesOf(plan).map((c) => [c.kind, c.id, c.action, c.fields.map((f) => f.field)]), [['serviceAccounts', 'jira-alerts-bot', 'update', ['title', 'roles']]]);
    pod().control.clearRequests();
    await applyPlan(client, plan);
    assert.deepEqual(writesSeen(apiRequests(pod())).map((r) => r.path), [`/pod/v2/admin/user/${bot.id}/update`, `/pod/v1/admin/user/${bot.id}/roles/add`]);
    assert.equal(account('jira-alerts-bot').title, 'Alerts from Jira');
    assert.ok(account('jira-alerts-bot').admin!.roles.includes('CONTENT_MANAGEMENT'));
    assert.equal(hasWrites(await planFolder(client, folder)), false, 'clean after apply');
    client.dispose();
  });

  it('refuses to change a key from the folder, naming the file and what to do, before any write', async () => {
    const { client } = clientFor(pod());
    const folder = folderFor();
    await exportPod(client, folder);
    editJson(folder, 'serviceAccounts/fx-pricing-bot.json', (v) => { v.currentKey = { fingerprint: 'ab'.repeat(32) }; });
    await assert.rejects(planFolder(client, folder), (e: Error) => e instanceof PodFolderError && /serviceAccounts\/fx-pricing-bot\.json/.test(e.message) && /rotate with Symphony: Rotate Key/.test(e.message));
    editJson(folder, 'serviceAccounts/fx-pricing-bot.json', (v) => { v.currentKey = { key: '-----BEGIN PUBLIC KEY-----' }; });
    await assert.rejects(planFolder(client, folder), /the folder never holds a key/);
    client.dispose();
  });

  it('creates a service account the folder adds, and a prune disables one it removed (the pod has no delete)', async () => {
    const { client } = clientFor(pod());
    const folder = folderFor();
    await exportPod(client, folder);
    writeJson(folder, 'serviceAccounts/settlement-bot.json', { userName: 'settlement-bot', displayName: 'Settlement Bot', roles: ['INDIVIDUAL'] });
    fs.rmSync(path.join(folder, 'serviceAccounts/helpdesk-bot.json'));
    const plan = await planFolder(client, folder, { prune: true });
    assert.deepEqual(writesOf(plan).filter((c) => c.kind === 'serviceAccounts').map((c) => [c.id, c.action]), [['settlement-bot', 'create'], ['helpdesk-bot', 'delete']]);
    await applyPlan(client, plan);
    assert.equal(account('settlement-bot').accountType, 'SYSTEM');
    assert.equal(account('helpdesk-bot').active, false);
    assert.equal(hasWrites(await planFolder(client, folder, { prune: true })), false, 'a disabled account is gone for the folder');
    client.dispose();
  });
});
