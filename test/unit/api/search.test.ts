// Search across pods against two emulators: each pod is asked server-side where the API can (people, a whole
// fingerprint), lists without a search are read once until cleared, a failing pod is reported beside the others, and
// only the latest typed text is ever searched.
import * as assert from 'node:assert/strict';
import { PodApiError, PodToSearch, SEARCH_DEBOUNCE_MS, SEARCH_AREAS, SearchAsYouType, SearchLists, searchPods, tenantOfUserId, validateSearchText } from '../../../src/api';
import { PodEmulator, POD_ID, startPodEmulator } from '../../../src/podEmulator';
import { apiRequests, clientFor } from './podFixture';

describe('Search across pods (emulator)', () => {
  let east: PodEmulator;
  let west: PodEmulator;
  before(async () => {
    [east, west] = await Promise.all([startPodEmulator(), startPodEmulator()]);
  });
  beforeEach(() => {
    east.control.reset();
    west.control.reset();
  });
  after(async () => {
    await Promise.all([east.close(), west.close()]);
  });

  function podOf(id: string, emu: PodEmulator): PodToSearch {
    const { client } = clientFor(emu);
    return { podId: id, client, lists: new SearchLists(() => client), areas: SEARCH_AREAS };
  }

  it('finds the same application in both pods, each hit naming its pod', async () => {
    const app = [...east.control.state.apps.values()][0];
    const results = await searchPods([podOf('east', east), podOf('west', west)], app.name.slice(0, 6));
    const hits = results.flatMap((r) => r.hits.filter((h) => h.kind === 'application' && h.id === app.appId).map(() => r.podId));
    assert.deepEqual(hits.sort(), ['east', 'west']);
  });

  it('asks the pod for people (user search) and for a whole fingerprint (one GET), not for lists', async () => {
    const pod = podOf('east', east);
    const someone = [...east.control.state.directory.values()].find((u) => u.internal && u.username !== 'demo-admin')!;
    east.control.clearRequests();
    const people = await searchPods([{ ...pod, areas: ['people'] }], someone.lastName!);
    assert.ok(people[0].hits.some((h) => h.kind === 'person' && h.id === String(someone.id) && h.name === someone.displayName));
    assert.deepEqual(apiRequests(east).map((r) => r.path), ['/pod/v1/user/search']);

    const cert = [...east.control.state.certs.values()][3];
    east.control.clearRequests();
    const fp = cert.info.fingerPrint.toUpperCase().match(/.{2}/g)!.join(':');
    const byFingerprint = await searchPods([{ ...pod, areas: ['certificates'] }], fp);
    assert.deepEqual(byFingerprint[0].hits.map((h) => h.id), [cert.info.fingerPrint]);
    assert.deepEqual(apiRequests(east).map((r) => r.path), [`/pod/v1/companycert/${cert.info.fingerPrint}/get`]);
  });

  it('reads the entitlement and group lists once per refresh, whatever is typed', async () => {
    const pod = podOf('east', east);
    const lists = { ...pod, areas: ['applications', 'groups'] as const };
    east.control.clearRequests();
    await searchPods([lists], 'ji');
    await searchPods([lists], 'jira');
    const reads = () => apiRequests(east).filter((r) => r.path.includes('entitlement/list') || r.path.includes('/groups/type/')).length;
    const once = reads();
    assert.equal(apiRequests(east).filter((r) => r.path.includes('entitlement/list')).length, 1);
    pod.lists.clear();
    await searchPods([lists], 'jira');
    assert.equal(reads(), once * 2);
  });

  it('reports a failing pod with its error and still returns the other pod\'s hits', async () => {
    const group = [...west.control.state.groups.values()][0];
    east.control.injectFault({ status: 503, count: 100 });
    const results = await searchPods([podOf('east', east), podOf('west', west)], group.name);
    const failed = results.find((r) => r.podId === 'east')!;
    assert.deepEqual(failed.hits, []);
    assert.ok(failed.failures.length > 0 && failed.failures.every((f) => f.error instanceof PodApiError));
    assert.ok(results.find((r) => r.podId === 'west')!.hits.some((h) => h.kind === 'group' && h.id === group.id));
  });

  it('searches only the latest text: a keystroke during the pause or the search aborts the older one', async () => {
    const searched: string[] = [];
    const aborted: string[] = [];
    const pauses: Array<() => void> = [];
    const searches: Array<() => void> = [];
    const tick = () => new Promise((resolve) => setImmediate(resolve));
    const typing = new SearchAsYouType(
      async (text, signal) => {
        searched.push(text);
        await new Promise<void>((resolve) => searches.push(resolve));
        if (signal.aborted) aborted.push(text);
      },
      (ms, signal) => new Promise<void>((resolve) => {
        assert.equal(ms, SEARCH_DEBOUNCE_MS);
        pauses.push(resolve);
        signal.addEventListener('abort', () => resolve(), { once: true });
      }),
    );
    const ja = typing.type('ja');
    const jan = typing.type('jan');
    await ja;
    assert.deepEqual(searched, [], 'a text replaced during the pause is never searched');
    pauses[1]();
    while (searched.length < 1) await tick();
    const jane = typing.type('jane');
    searches[0]();
    await jan;
    assert.deepEqual(aborted, ['jan'], 'the search of a replaced text learns it was aborted');
    pauses[2]();
    while (searched.length < 2) await tick();
    searches[1]();
    await jane;
    assert.deepEqual(searched, ['jan', 'jane']);
    assert.deepEqual(aborted, ['jan']);
  });

  it('needs two visible characters, and reads the tenant from a user id', () => {
    assert.match(validateSearchText(' j ') ?? '', /at least 2/);
    assert.match(validateSearchText('ja\u200Bne') ?? '', /U\+200B/);
    assert.equal(tenantOfUserId(POD_ID * 2 ** 36 + 12), POD_ID);
    assert.equal(tenantOfUserId('13194139533314'), 192);
  });
});
