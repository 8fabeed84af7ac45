import * as assert from 'node:assert/strict';
import { clientFor, isApiError, usePod } from './podFixture';

const EXTERNAL = 18700000000000; // the emulator's first external user; statuses cycle PENDING_INCOMING, PENDING_OUTGOING, ACCEPTED, REJECTED

describe('PodClient connections (emulator)', () => {
  const pod = usePod();

  it('lists pending connections by default and filters by status and user ids', async () => {
    const { client } = clientFor(pod());
    const pending = await client.connections.listConnections();
    assert.ok(pending.length > 0 && pending.every(c => c.status?.startsWith('PENDING_')));
    const accepted = await client.connections.listConnections({ status: 'ACCEPTED', userIds: [EXTERNAL + 2, String(EXTERNAL + 6)] });
    assert.deepEqual(accepted.map(c => c.userId).sort(), [EXTERNAL + 2, EXTERNAL + 6]);
    client.dispose();
  });

  it('accepts an incoming request, reads it and removes it', async () => {
    const { client } = clientFor(pod());
    assert.equal((await client.connections.acceptConnection(EXTERNAL)).status, 'ACCEPTED');
    assert.equal((await client.connections.getConnection(String(EXTERNAL))).status, 'ACCEPTED');
    assert.equal((await client.connections.removeConnection(EXTERNAL)).message, 'Connection Removed.');
    await assert.rejects(client.connections.getConnection(EXTERNAL), isApiError(/Not found: the user 18700000000000/, { status: 404 }));
    client.dispose();
  });

  it('rejects an incoming request and creates a new one', async () => {
    const { client } = clientFor(pod());
    assert.equal((await client.connections.rejectConnection(EXTERNAL + 4)).status, 'REJECTED');
    assert.equal((await client.connections.createConnection(EXTERNAL + 4)).status, 'PENDING_OUTGOING');
    client.dispose();
  });

  it('shows the pod\'s message when accepting a request that is not incoming', async () => {
    const { client } = clientFor(pod());
    await assert.rejects(client.connections.acceptConnection(EXTERNAL + 1), isApiError(/Cannot accept a connection in status PENDING_OUTGOING/, { status: 400 }));
    client.dispose();
  });

  it('refuses negative, fractional and oversized user ids before any request', async () => {
    const emu = pod();
    const { client } = clientFor(emu);
    await assert.rejects(client.connections.createConnection(-1), isApiError(/positive/, { kind: 'validation', field: 'userId' }));
    await assert.rejects(client.connections.acceptConnection(1.5), isApiError(/whole number/, { kind: 'validation' }));
    await assert.rejects(client.connections.removeConnection('9223372036854775808'), isApiError(/2\^63-1/, { kind: 'validation', field: 'uid' }));
    await assert.rejects(client.connections.listConnections({ userIds: ['12', 'abc'] }), isApiError(/not a whole number/, { field: 'userIds[1]' }));
    assert.equal(emu.control.requests().length, 0);
    client.dispose();
  });
});
