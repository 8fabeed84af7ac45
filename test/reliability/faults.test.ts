// Faults injected into the emulator, one row each: what the caller sees, the exact requests that reached the pod
// (a write at most once), and that no data is lost (the pod's state is what it was, or changed exactly once).
// The extension-host half (commands, tree, pasted-token prompt) is test/vscode/suite/reliability.faults.test.ts.
import * as assert from 'node:assert/strict';
import { PodApiError, PodClient, rsaAuthenticator } from '../../src/api';
import { PodEmulator, startPodEmulator } from '../../src/podEmulator';
import { makeTestCertificate } from '../../src/podEmulator/x509';
import { adminClient, SignedInPod, useSignedInPod } from './fixtures';

const LIST = '/pod/v1/companycert/list';
const CREATE_APP = '/pod/v1/admin/app/create';
const day = 86_400_000;

interface Fault {
  name: string;
  /** Sets the fault up (inject, expire sessions, …) after the client signed in. */
  arrange: (pod: SignedInPod) => void;
  act: (pod: SignedInPod) => Promise<unknown>;
  /** `METHOD path status` of every request the pod saw, in order (status 0 = dropped). */
  requests: string[];
  /** The error's message, or undefined when the call must succeed. */
  error?: RegExp;
  /** The pod's data afterwards: nothing lost, nothing written twice. */
  after?: (pod: SignedInPod, result: unknown) => void;
}

/**
 * Waits until the pod has finished the request the client gave up on (the emulator logs a request when it has
 * answered it), so its log line and its effect can be checked. Waiting a fixed time instead raced the emulator's
 * delay on a busy machine: the request was still sleeping when the log was read.
 */
async function settle(emulator: PodEmulator, requests: number): Promise<void> {
  while (emulator.control.requests().length < requests) await new Promise((resolve) => setTimeout(resolve, 20));
}
const perFault: Array<[string, number]> = [];
const apps = (pod: SignedInPod) => [...pod.emulator.control.state.apps.keys()];
const newApp = (appId: string) => ({ applicationInfo: { appId, name: appId, appUrl: 'https://apps.acme.example/', domain: 'acme.example', publisher: 'Acme' } });

const faults: Fault[] = [
  {
    name: '401 in the middle of a listing (session expired between two pages)',
    arrange: () => undefined,
    act: async ({ client, emulator }) => {
      const first = await client.certs.listCompanyCertificates({ skip: 0, limit: 10 });
      emulator.control.expireSessions();
      return [...first, ...(await client.certs.listCompanyCertificates({ skip: 10, limit: 10 }))];
    },
    requests: [`GET ${LIST} 200`, `GET ${LIST} 401`, 'POST /login/pubkey/authenticate 200', `GET ${LIST} 200`],
    after: ({ emulator }, listed) => {
      const names = (listed as Array<{ companyCertAttributes?: { name?: string } }>).map((c) => c.companyCertAttributes?.name);
      assert.deepEqual(names, [...emulator.control.state.certs.values()].slice(0, 20).map((c) => c.attributes.name), 'both pages, in order, nothing missing or repeated');
    },
  },
  {
    name: '401 in the middle of a write (create app after the session expired)',
    arrange: ({ emulator }) => emulator.control.expireSessions(),
    act: ({ client }) => client.apps.createApplication(newApp('after-expiry')),
    requests: [`POST ${CREATE_APP} 401`, 'POST /login/pubkey/authenticate 200', `POST ${CREATE_APP} 200`],
    after: (pod) => assert.equal(apps(pod).filter((id) => id === 'after-expiry').length, 1, 'created exactly once'),
  },
  {
    name: '429 with Retry-After on a GET (waits, then succeeds)',
    arrange: ({ emulator }) => emulator.control.injectFault({ status: 429, retryAfterSeconds: 1, method: 'GET', pathPrefix: LIST }),
    act: async ({ client }) => {
      const started = Date.now();
      await client.certs.listCompanyCertificates({ limit: 3 });
      return Date.now() - started;
    },
    requests: [`GET ${LIST} 429`, `GET ${LIST} 200`],
    after: (_pod, waited) => assert.ok((waited as number) >= 950, `honoured Retry-After: waited ${String(waited)} ms`),
  },
  {
    name: '429 with Retry-After on a POST (not retried; the message says the pod is busy)',
    arrange: ({ emulator }) => emulator.control.injectFault({ status: 429, retryAfterSeconds: 30, method: 'POST', pathPrefix: CREATE_APP }),
    act: ({ client }) => client.apps.createApplication(newApp('busy-app')),
    requests: [`POST ${CREATE_APP} 429`],
    error: /busy|too many/i,
    after: (pod) => assert.ok(!apps(pod).includes('busy-app')),
  },
  {
    name: '500 on a GET (not retried: the pod failed, not the network)',
    arrange: ({ emulator }) => emulator.control.injectFault({ status: 500, count: 5, method: 'GET', pathPrefix: LIST }),
    act: ({ client }) => client.certs.listCompanyCertificates({ limit: 3 }),
    requests: [`GET ${LIST} 500`],
    error: /internal error \(500\)/,
  },
  {
    name: '503 on a GET (retried with backoff, then succeeds)',
    arrange: ({ emulator }) => emulator.control.injectFault({ status: 503, count: 2, method: 'GET', pathPrefix: LIST }),
    act: ({ client }) => client.certs.listCompanyCertificates({ limit: 3 }),
    requests: [`GET ${LIST} 503`, `GET ${LIST} 503`, `GET ${LIST} 200`],
  },
  {
    name: '500 on a POST (sent once, nothing created)',
    arrange: ({ emulator }) => emulator.control.injectFault({ status: 500, count: 5, method: 'POST', pathPrefix: CREATE_APP }),
    act: ({ client }) => client.apps.createApplication(newApp('failing-500')),
    requests: [`POST ${CREATE_APP} 500`],
    error: /internal error \(500\)/,
    after: (pod) => assert.ok(!apps(pod).includes('failing-500')),
  },
  {
    name: '503 on a POST (sent once, never retried)',
    arrange: ({ emulator }) => emulator.control.injectFault({ status: 503, count: 5, method: 'POST', pathPrefix: '/pod/v2/companycert/create' }),
    act: ({ client }) => client.certs.createCompanyCertificate(makeTestCertificate({ commonName: 'svc-503', keyType: 'ec', notAfter: new Date(Date.now() + 30 * day) }).pem, { name: 'svc-503', type: { type: 'USER' }, status: { type: 'TRUSTED' } }),
    requests: ['POST /pod/v2/companycert/create 503'],
    error: /\(503\)/,
    after: ({ emulator }) => assert.ok(![...emulator.control.state.certs.values()].some((c) => c.attributes.name === 'svc-503')),
  },
  {
    name: 'a dropped connection on a GET (retried once, succeeds)',
    arrange: ({ emulator }) => emulator.control.injectFault({ drop: true, method: 'GET', pathPrefix: LIST }),
    act: ({ client }) => client.certs.listCompanyCertificates({ limit: 2 }),
    requests: [`GET ${LIST} 0`, `GET ${LIST} 200`],
  },
  {
    name: 'a dropped connection on a POST (sent once: it may have reached the pod)',
    arrange: ({ emulator }) => emulator.control.injectFault({ drop: true, count: 5, method: 'POST', pathPrefix: CREATE_APP }),
    act: ({ client }) => client.apps.createApplication(newApp('dropped-app')),
    requests: [`POST ${CREATE_APP} 0`],
    error: /Could not reach the pod/,
  },
  {
    name: 'a pod slower than the timeout on a GET (not retried: the user already waited)',
    arrange: ({ emulator }) => emulator.control.injectFault({ delayMs: 1500, method: 'GET', pathPrefix: LIST }),
    act: async ({ emulator }) => {
      const slow = adminClient(emulator, { timeoutMs: 400 }).client;
      await slow.signIn();
      emulator.control.clearRequests();
      try {
        return await slow.certs.listCompanyCertificates({ limit: 2 });
      } finally {
        slow.dispose();
        await settle(emulator, 1);
      }
    },
    requests: [`GET ${LIST} 200`],
    error: /did not answer within/,
  },
  {
    name: 'a pod slower than the timeout on a POST (sent once)',
    arrange: ({ emulator }) => emulator.control.injectFault({ delayMs: 1500, method: 'POST', pathPrefix: CREATE_APP }),
    act: async ({ emulator }) => {
      const slow = adminClient(emulator, { timeoutMs: 400 }).client;
      await slow.signIn();
      emulator.control.clearRequests();
      try {
        return await slow.apps.createApplication(newApp('slow-app'));
      } finally {
        slow.dispose();
        await settle(emulator, 1);
      }
    },
    requests: [`POST ${CREATE_APP} 200`],
    error: /did not answer within .*may still have been applied/,
    after: (pod) => assert.equal(apps(pod).filter((id) => id === 'slow-app').length, 1, 'the pod finished the write once; the client did not repeat it'),
  },
  {
    name: '412 on a group update (someone else changed it; nothing overwritten)',
    arrange: () => undefined,
    act: async ({ client, emulator }) => {
      const [group] = (await client.groups.listGroups('SDL', { limit: 1 })).data ?? [];
      const stored = emulator.control.state.groups.get(group.id!)!;
      stored.name = 'Renamed by a colleague';
      stored.version += 1;
      const { eTagOf } = await import('../../src/podEmulator/groups');
      stored.eTag = eTagOf(stored);
      emulator.control.clearRequests();
      return client.groups.updateGroup(group.id!, { type: group.type, ownerType: group.ownerType, ownerId: group.ownerId, name: 'Mine' }, group.eTag!);
    },
    requests: ['PUT /profile-manager/v1/groups/* 412'],
    error: /changed by someone else/i,
    after: ({ emulator }) => assert.ok([...emulator.control.state.groups.values()].some((g) => g.name === 'Renamed by a colleague'), 'the colleague\'s change is kept'),
  },
];

describe('Reliability: faults are survived, writes are sent at most once, nothing is lost', () => {
  const pod = useSignedInPod();

  for (const fault of faults) {
    it(fault.name, async () => {
      const current = pod();
      current.emulator.control.clearRequests();
      fault.arrange(current);
      let result: unknown;
      let failure: unknown;
      try {
        result = await fault.act(current);
      } catch (error) {
        failure = error;
      }
      if (fault.error) {
        assert.ok(failure instanceof PodApiError, `expected a PodApiError, got ${String(failure)} (result ${JSON.stringify(result)?.slice(0, 80)})`);
        assert.match(failure.message, fault.error);
      } else if (failure) {
        throw failure;
      }
      const seen = current.emulator.control.requests().map((r) => `${r.method} ${r.path.replace(/\/groups\/[^/]+$/, '/groups/*')} ${r.status}`);
      assert.deepEqual(seen, fault.requests);
      perFault.push([fault.name, seen.length]);
      fault.after?.(current, result);
    });
  }

  it('a pod unreachable at start-up: a clear message, one attempt at sign-in, no retry storm', async () => {
    const emulator = await startPodEmulator({ port: 0 });
    const url = emulator.url;
    const privateKeyPem = emulator.admin.privateKeyPem;
    await emulator.close();
    const client = new PodClient({ podUrl: url, authenticate: rsaAuthenticator({ podUrl: url, username: 'demo-admin', privateKeyPem }), retry: { baseDelayMs: 5, maxDelayMs: 20 } });
    const started = Date.now();
    await assert.rejects(client.signIn(), (error: unknown) => error instanceof PodApiError && error.kind === 'network' && /Could not reach the pod/.test(error.message));
    assert.ok(Date.now() - started < 5000, 'fails fast');
    client.dispose();
    perFault.push(['pod unreachable at start-up', 0]);
  });

  it('concurrent requests after the session expired sign in exactly once', async () => {
    const { emulator } = pod();
    const { client, authCalls } = adminClient(emulator);
    await client.signIn();
    emulator.control.expireSessions();
    emulator.control.clearRequests();
    await Promise.all([client.session.getSessionInfo(), client.certs.listCompanyCertificates({ limit: 1 }), client.apps.listPodAppEntitlements(), client.connections.listConnections()]);
    assert.equal(authCalls(), 2, 'the first sign-in and one renewal');
    assert.equal(emulator.control.requests().filter((r) => r.path === '/login/pubkey/authenticate').length, 1);
    client.dispose();
  });

  after(() => {
    if (process.env.SYMPHONY_RELIABILITY_REPORT) console.log(perFault.map(([name, count]) => `${String(count).padStart(3)}  ${name}`).join('\n'));
  });
});
