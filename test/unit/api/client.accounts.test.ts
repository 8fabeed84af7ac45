// The account client against the emulator: validation before any request, paging service accounts out of the user
// list, roles / features / status / sessions, and the full rotation story of a bot's key.
import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { AccountsApi, PodApiError, PodClient, V2UserDetail } from '../../../src/api';
import { keyChanges, serviceAccountKeyHolder } from '../../../src/credentials/keyRotation';
import { apiRequests, clientFor, isApiError, usePod } from './podFixture';

const pair = () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
};

describe('client: accounts (user administration)', () => {
  const pod = usePod();
  /** The accounts area is built on demand (`client.area`), as the extension's accounts part builds it. */
  const withAccounts = (client: PodClient) => Object.assign(client, { accounts: client.area(AccountsApi) });
  const admin = (emu: ReturnType<typeof pod>, who: 'admin' | 'user' = 'admin') => withAccounts(clientFor(emu, who).client);
  const bot = (username: string, publicPem: string) => ({ userAttributes: { userName: username, displayName: username, accountType: 'SYSTEM' as const, currentKey: { key: publicPem, action: 'SAVE' as const } }, roles: ['INDIVIDUAL'] });

  it('creates a service account with only its public key, and gets it back by id', async () => {
    const client = admin(pod());
    const a = pair();
    const created = await client.accounts.createAccount(bot('pricing-bot', a.publicPem));
    assert.equal(created.userAttributes?.accountType, 'SYSTEM');
    const read = await client.accounts.getAccount(created.userSystemInfo!.id!);
    assert.equal(read.userAttributes?.currentKey?.key, a.publicPem);
  });

  it('refuses a private key, an unknown attribute, a bad username or role id before any request', async () => {
    const emu = pod();
    const client = admin(emu);
    emu.control.clearRequests();
    const a = pair();
    await assert.rejects(client.accounts.createAccount(bot('x', a.privatePem)), isApiError(/private key/, { kind: 'validation', field: 'currentKey.key' }));
    await assert.rejects(client.accounts.createAccount({ userAttributes: { userName: 'x', displayName: 'x', accountType: 'SYSTEM', colour: 'red' } as never }), isApiError(/"colour" is not a user attribute/, { kind: 'validation' }));
    await assert.rejects(client.accounts.createAccount(bot('two words', a.publicPem)), isApiError(/spaces/, { field: 'userName' }));
    await assert.rejects(client.accounts.addRole(1, 'admin; drop'), isApiError(/not a role id/, { field: 'id' }));
    await assert.rejects(client.accounts.getAccount('../1'), isApiError(/user id/, { kind: 'validation' }));
    await assert.rejects(client.accounts.updateFeatures(1, [{ entitlment: 'postReadEnabled' }]), isApiError(/enabled/, { kind: 'validation' }));
    assert.deepEqual(emu.control.requests(), []);
  });

  it('pages service accounts out of the user list, reading pages of 1000', async () => {
    const emu = pod();
    emu.control.reset({ users: 1500, serviceAccounts: 30 });
    const client = admin(emu);
    emu.control.clearRequests();
    const first = await client.users.pageServiceAccounts(0, 10);
    assert.ok(first.items.length >= 10 && first.items.every((u) => u.userAttributes?.accountType === 'SYSTEM'));
    const all: V2UserDetail[] = [...first.items];
    for (let next = first.next; next !== undefined;) {
      const page = await client.users.pageServiceAccounts(next, 10);
      all.push(...page.items);
      next = page.next;
    }
    assert.equal(all.length, 2 + 30, 'the two demo service accounts and the 30 seeded bots');
    assert.ok(apiRequests(emu).every((r) => r.path === '/pod/v2/admin/user/list'));
  });

  it('adds and removes roles, changes features and status, lists and ends sessions', async () => {
    const emu = pod();
    const client = admin(emu);
    const a = pair();
    const uid = (await client.accounts.createAccount(bot('ops-bot', a.publicPem))).userSystemInfo!.id!;
    assert.ok((await client.accounts.listRoles()).some((r) => r.id === 'USER_PROVISIONING'));
    await client.accounts.addRole(uid, 'USER_PROVISIONING');
    assert.deepEqual((await client.accounts.getAccount(uid)).roles, ['INDIVIDUAL', 'USER_PROVISIONING']);
    await client.accounts.removeRole(uid, 'USER_PROVISIONING');
    await assert.rejects(client.accounts.removeRole(uid, 'USER_PROVISIONING'), isApiError(/does not have the role/, { status: 400 }));
    assert.ok((await client.accounts.listFeatureNames()).includes('canCreatePublicRoom'));
    await client.accounts.updateFeatures(uid, [{ entitlment: 'canCreatePublicRoom', enabled: true }]);
    assert.equal((await client.accounts.getFeatures(uid)).find((f) => f.entitlment === 'canCreatePublicRoom')?.enabled, true);

    await client.accounts.authenticateServiceAccount('ops-bot', a.privatePem);
    await client.accounts.authenticateServiceAccount('ops-bot', a.privatePem);
    const sessions = await client.accounts.listSessions(uid);
    assert.equal(sessions.length, 2);
    await client.accounts.logoutSession(uid, sessions[0].sessionId!);
    assert.equal((await client.accounts.listSessions(uid)).length, 1);
    await client.accounts.logoutSessions(uid);
    assert.deepEqual(await client.accounts.listSessions(uid), []);

    await client.accounts.setAccountStatus(uid, 'DISABLED');
    assert.equal((await client.accounts.getAccountStatus(uid)).status, 'DISABLED');
    await assert.rejects(client.accounts.authenticateServiceAccount('ops-bot', a.privatePem), isApiError(/refused the sign-in/, { status: 401 }));
  });

  it('says which role is needed when a read-only account administers users', async () => {
    const client = admin(pod(), 'user');
    await assert.rejects(client.users.listUsers(), isApiError(/USER_PROVISIONING or SUPER_ADMINISTRATOR/, { status: 403 }));
  });

  it('rotates a bot key by the rules: A signs in, rotate to B, A and B sign in, SAVE C refused, revoke previous, revoke current explained', async () => {
    const client = admin(pod());
    const [A, B, C] = [pair(), pair(), pair()];
    const accounts = client.accounts;
    const holder = serviceAccountKeyHolder;
    const uid = (await accounts.createAccount(bot('rotating-bot', A.publicPem))).userSystemInfo!.id!;
    const signIn = (k: { privatePem: string }) => accounts.authenticateServiceAccount('rotating-bot', k.privatePem);
    await signIn(A);

    const before = Date.now();
    const rotated = await accounts.updateAccount(uid, holder.body(keyChanges.save(B.publicPem)));
    const previous = holder.keysOf(rotated).previous!;
    assert.equal(previous.key, A.publicPem);
    assert.ok(previous.expirationDate! >= before + 72 * 3600_000 - 1000);
    await signIn(A);
    const sessionOnB = await signIn(B);

    await assert.rejects(accounts.updateAccount(uid, holder.body(keyChanges.save(C.publicPem))),
      isApiError(/valid current key and a valid previous key.*revoke the previous key, or wait until it expires/, { status: 400 }));

    const extended = await accounts.updateAccount(uid, holder.body(keyChanges.extendPrevious(holder.keysOf(rotated), 'service account')));
    assert.equal(holder.keysOf(extended).previous!.expirationDate, previous.expirationDate! + 72 * 3600_000);

    const revoked = await accounts.updateAccount(uid, holder.body(keyChanges.revokePrevious(holder.keysOf(extended), 'service account')));
    assert.equal(holder.keysOf(revoked).previous, undefined);
    await assert.rejects(signIn(A), (e: unknown) => e instanceof PodApiError && e.status === 401);
    await signIn(B);

    // Revoking the only key ends the account's RSA sessions: the pod allows it, the extension explains it first.
    assert.ok((await accounts.listSessions(uid)).some((s) => s.sessionId) && sessionOnB.token);
    await accounts.updateAccount(uid, holder.body(keyChanges.revokeCurrent(holder.keysOf(revoked), 'service account')));
    assert.deepEqual(await accounts.listSessions(uid), []);
    await assert.rejects(signIn(B), (e: unknown) => e instanceof PodApiError && e.status === 401);
  });
});
