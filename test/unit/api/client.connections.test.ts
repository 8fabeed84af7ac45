import * as assert from 'node:assert/strict';
import { externalUserId } from '../../../src/podEmulator';
import { clientFor, isApiError, usePod } from './podFixture';

// The emulator's external users (ids carry their pod's tenant); statuses cycle PENDING_INCOMING, PENDING_OUTGOING, ACCEPTED, REJECTED.
const EXTERNAL = externalUserId(0);

describe('PodClient connections (emulator)', () => {
  const pod = usePod();

  it('lists pending connections by default and filters by status and user ids', async () => {
    const { client } = clientFor(pod());
    const pending = await client.connections.listConnections();
    assert.ok(pending.length > 0 && pending.every(c => c.status?.startsWith('PENDING_')));
    const accepted = await client.connections.listConnections({ status: 'ACCEPTED', userIds: [externalUserId(2), String(externalUserId(6))] });
    assert.deepEqual(accepted.map(c => c.userId).sort(), [externalUserId(2), externalUserId(6)].sort());
    client.dispose();
  });

  it('accepts an incoming request, reads it and removes it', async () => {
    const { client } = clientFor(pod());
    assert.equal((await client.connections.acceptConnection(EXTERNAL)).status, 'ACCEPTED');
    assert.equal((await client.connections.getConnection(String(EXTERNAL))).status, 'ACCEPTED');
    assert.equal((await client.connections.removeConnection(EXTERNAL)).message, 'Connection Removed.');
    await assert.rejects(client.connections.getConnection(EXTERNAL), isApiError(new RegExp(`Not found: the user ${EXTERNAL}`), { status: 404 }));
    client.dispose();
  });

  it('rejects an incoming request and creates a new one', async () => {
    const { client } = clientFor(pod());
    assert.equal((await client.connections.rejectConnection(externalUserId(4))).status, 'REJECTED');
    assert.equal((await client.connections.createConnection(externalUserId(4))).status, 'PENDING_OUTGOING');
    client.dispose();
  });

  it('shows the pod\'s message when accepting a request that is not incoming', async () => {
    const { client } = clientFor(pod());
    await assert.rejects(client.connections.acceptConnection(externalUserId(1)), isApiError(/Cannot accept a connection in status PENDING_OUTGOING/, { status: 400 }));
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
