// Sign-in state of every pod and the one API client per pod that the tree, commands and editors share.
// RSA and certificate pods re-authenticate silently on a 401 (inside the client); a pasted-token pod asks the
// user once, and while the user has not answered (or said no) it stays "needs sign-in" instead of prompting again.
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { assertValid, Authenticate, certificateAuthenticator, DEFAULT_REQUESTS_PER_SECOND, HttpTransport, PodApiError, PodClient, rsaAuthenticator, TokenStore, UserV2, validatePrivateKey, validateRequestsPerSecond, WriteOutcome } from '../api';
import { PromptHost } from '../ui/prompts';
import { PodProfile } from './podProfile';
import { PodSecrets } from './podSecrets';
import { PodStore } from './podStore';
import { ProductionLock } from './productionLock';

/** Told every write any pod's client sent (the activity log sets it; see activity/README.md). */
export type PodWriteObserver = (profile: PodProfile, outcome: WriteOutcome) => void;

export type SessionState = 'signedOut' | 'signedIn' | 'needsSignIn';

const certificateRoles = ['SUPER_ADMINISTRATOR', 'USER_PROVISIONING'];
const applicationRoles = ['SUPER_ADMINISTRATOR', 'USER_PROVISIONING'];
const accountRoles = ['SUPER_ADMINISTRATOR', 'USER_PROVISIONING'];
export type AdminArea = 'certificates' | 'applications' | 'accounts';
export const rolesNeeded: Record<AdminArea, string[]> = { certificates: certificateRoles, applications: applicationRoles, accounts: accountRoles };

export class PodSessions implements vscode.Disposable {
  private readonly clients = new Map<string, PodClient>();
  private readonly users = new Map<string, UserV2>();
  private readonly states = new Map<string, SessionState>();
  private readonly tokenPrompts = new Map<string, Promise<string>>();
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  /** Fires with the pod id whose sign-in state or account changed. */
  readonly onDidChange = this.changed.event;

  /** This window's production lock; every client's write gate asks it. */
  readonly lock = new ProductionLock();
  /** Set by whoever records writes (the activity log); read at each write. */
  writeObserver: PodWriteObserver | undefined;

  private readonly settingsWatcher: vscode.Disposable;
  private readonly lockWatcher: vscode.Disposable;
  /** Set while work runs that nobody asked for (start-up checks): a pasted-token pod is not prompted for then. */
  private readonly unattended = new AsyncLocalStorage<true>();

  constructor(
    private readonly store: PodStore,
    private readonly secrets: PodSecrets,
    private readonly prompts: PromptHost,
    private readonly log: vscode.LogOutputChannel,
  ) {
    // A new timeout applies at once to every live client (and to the next sign-in), without signing anyone out.
    this.settingsWatcher = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('symphonyPodAdmin.http.timeoutSeconds')) {
        for (const client of this.clients.values()) client.setTimeoutMs(httpTimeoutMs());
      }
      if (event.affectsConfiguration('symphonyPodAdmin.http.requestsPerSecond')) {
        for (const client of this.clients.values()) client.setRequestsPerSecond(requestsPerSecond(this.log));
      }
    });
    this.lockWatcher = this.lock.onDidChange((podId) => this.changed.fire(podId));
  }

  /** A pod with a stored session token counts as signed in until the pod says otherwise. */
  async initialize(): Promise<void> {
    for (const profile of this.store.list()) {
      const token = await this.secrets.get(profile.id, 'session');
      this.states.set(profile.id, token ? 'signedIn' : 'signedOut');
    }
    await this.updateContextKeys();
    // The status bar was drawn before the stored tokens were read: it now shows who is signed in.
    this.changed.fire(undefined);
  }

  /**
   * Runs work the user did not ask for (the expiry check at start-up): a pasted-token pod whose token the pod
   * refuses turns "needs sign-in" instead of opening a prompt, so starting VS Code never asks for anything; and its
   * requests give way to the ones a person waits for (src/api/foregroundFirst.ts).
   */
  unattendedWork<T>(work: () => T): T {
    return this.unattended.run(true, work);
  }

  state(podId: string): SessionState {
    return this.states.get(podId) ?? 'signedOut';
  }

  user(podId: string): UserV2 | undefined {
    return this.users.get(podId);
  }

  /** Whether the signed-in account holds a role for the area; true while roles are still unknown. */
  can(podId: string, area: AdminArea): boolean {
    const roles = this.users.get(podId)?.roles;
    return !roles || rolesNeeded[area].some((role) => roles.includes(role));
  }

  client(podId: string): PodClient {
    let client = this.clients.get(podId);
    if (!client) {
      const profile = this.profile(podId);
      client = new PodClient({
        podUrl: profile.podUrl,
        sessionAuthUrl: profile.sessionAuthUrl,
        authenticate: this.authenticator(profile),
        tokens: this.observedTokens(podId),
        timeoutMs: httpTimeoutMs(),
        requestsPerSecond: requestsPerSecond(this.log),
        // The expiry check (start-up, timer, sign-in) runs as unattended work: its requests give way to the tree's.
        isBackground: () => this.unattended.getStore() === true,
        caPem: caBundle(profile),
        logger: (line) => this.log.info(`[${profile.label}] ${line.method} ${line.path} → ${line.status} (${line.ms} ms${line.attempt > 1 ? `, attempt ${line.attempt}` : ''})`),
        writeGate: this.lock.gate(() => this.profile(podId)),
        onWrite: (outcome) => this.writeObserver?.(this.store.get(podId) ?? profile, outcome),
      });
      this.clients.set(podId, client);
    }
    return client;
  }

  /** Signs in (asking for a token on pasted-token pods) and reads who we are. */
  async signIn(podId: string): Promise<UserV2> {
    this.states.set(podId, 'signedOut');
    const user = await this.client(podId).signIn();
    await this.setUser(podId, user);
    return user;
  }

  /** The account and roles; read once per session and cached. */
  async whoAmI(podId: string): Promise<UserV2> {
    const known = this.users.get(podId);
    if (known) return known;
    const user = await this.client(podId).session.getSessionInfo();
    await this.setUser(podId, user);
    return user;
  }

  /** Forgets every secret of the pod. */
  async signOut(podId: string): Promise<void> {
    this.dropClient(podId);
    this.users.delete(podId);
    await this.secrets.forgetAll(podId);
    this.states.set(podId, 'signedOut');
    await this.updateContextKeys();
    this.changed.fire(podId);
  }

  /** Profile changed or removed: the next request builds a new client from the new profile. */
  async profileChanged(podId: string): Promise<void> {
    this.dropClient(podId);
    this.users.delete(podId);
    if (!this.store.get(podId)) {
      this.states.delete(podId);
      await this.secrets.forgetAll(podId);
    }
    await this.updateContextKeys();
    this.changed.fire(podId);
  }

  dispose(): void {
    this.settingsWatcher.dispose();
    this.lockWatcher.dispose();
    this.lock.dispose();
    for (const id of [...this.clients.keys()]) this.dropClient(id);
    this.changed.dispose();
  }

  private profile(podId: string): PodProfile {
    const profile = this.store.get(podId);
    if (!profile) throw new Error(vscode.l10n.t('The pod {0} is no longer configured.', podId));
    return profile;
  }

  private dropClient(podId: string): void {
    this.clients.get(podId)?.dispose();
    this.clients.delete(podId);
  }

  private async setUser(podId: string, user: UserV2): Promise<void> {
    this.users.set(podId, user);
    this.states.set(podId, 'signedIn');
    await this.updateContextKeys();
    this.changed.fire(podId);
  }

  /** Token writes by the client (sign-in, silent re-auth) mark the pod signed in. */
  private observedTokens(podId: string): TokenStore {
    const tokens = this.secrets.tokenStore(podId);
    return {
      get: tokens.get,
      delete: tokens.delete,
      set: async (name, value) => {
        await tokens.set(name, value);
        if (name === 'session' && this.state(podId) !== 'signedIn') {
          this.states.set(podId, 'signedIn');
          await this.updateContextKeys();
          this.changed.fire(podId);
        }
      },
    };
  }

  /** Each sign-in reads the timeout setting when it starts, so it always uses the value the client uses. */
  private authenticator(profile: PodProfile): Authenticate {
    switch (profile.authMethod) {
      case 'rsa':
        return async () => {
          const privateKeyPem = readProfileFile(profile.privateKeyPath, vscode.l10n.t('private key'));
          const passphrase = privateKeyPem.includes('ENCRYPTED') ? await this.passphrase(profile) : undefined;
          return rsaAuthenticator({ podUrl: profile.podUrl, username: profile.username ?? '', privateKeyPem, passphrase, transport: { caPem: caBundle(profile), timeoutMs: httpTimeoutMs() } })();
        };
      case 'certificate':
        return async () => {
          const clientKeyPem = readProfileFile(profile.clientKeyPath, vscode.l10n.t('client key'));
          return certificateAuthenticator({
            sessionAuthUrl: profile.sessionAuthUrl ?? profile.podUrl,
            clientCertPem: readProfileFile(profile.clientCertPath, vscode.l10n.t('client certificate')),
            clientKeyPem,
            passphrase: clientKeyPem.includes('ENCRYPTED') ? await this.passphrase(profile) : undefined,
            caPem: caBundle(profile),
            timeoutMs: httpTimeoutMs(),
          })();
        };
      case 'sessionToken':
        return () => this.askForToken(profile);
    }
  }

  private async passphrase(profile: PodProfile): Promise<string> {
    const stored = await this.secrets.get(profile.id, 'passphrase');
    if (stored !== undefined) return stored;
    this.refuseToAsk(profile, vscode.l10n.t('Sign in to {0} again: its private key is encrypted and its passphrase is needed.', profile.label));
    const entered = await this.prompts.current.input({
      title: vscode.l10n.t('Sign in to {0}', profile.label),
      prompt: vscode.l10n.t('The private key is encrypted: enter its passphrase (kept in the OS keychain).'),
      password: true,
    });
    // Keep only a passphrase that opens the key: a stored wrong one would fail every later sign-in without asking again.
    const keyPem = readProfileFile(profile.authMethod === 'certificate' ? profile.clientKeyPath : profile.privateKeyPath, vscode.l10n.t('private key'));
    assertValid('passphrase', validatePrivateKey(keyPem, entered));
    await this.secrets.store(profile.id, 'passphrase', entered);
    return entered;
  }

  /**
   * One prompt per pod at a time: concurrent 401s share it. Once the user dismissed it, the pod waits for an
   * explicit "Sign In" instead of asking again with every tree refresh. A pasted token is tried before it is kept:
   * a token the pod refuses is said so in the one prompt that asks again, and a second refusal ends the attempt.
   */
  private askForToken(profile: PodProfile): Promise<string> {
    const expired = vscode.l10n.t('Sign in to {0} again: its session token expired.', profile.label);
    if (this.state(profile.id) === 'needsSignIn') return Promise.reject(new PodApiError(expired, { kind: 'auth' }));
    try {
      this.refuseToAsk(profile, expired);
    } catch (error) {
      return Promise.reject(error);
    }
    let pending = this.tokenPrompts.get(profile.id);
    if (!pending) {
      pending = this.pasteAcceptedToken(profile)
        .catch(async (error: unknown) => {
          await this.markNeedsSignIn(profile.id);
          throw error;
        })
        .finally(() => this.tokenPrompts.delete(profile.id));
      this.tokenPrompts.set(profile.id, pending);
    }
    return pending;
  }

  /**
   * A sign-in's prompts (pasted token, passphrase) never appear for work nobody asked for (the expiry check), nor for
   * a pod removed meanwhile (its secrets went with it): the pod turns "needs sign-in" and this throws `message`.
   */
  private refuseToAsk(profile: PodProfile, message: string): void {
    const kept = this.store.get(profile.id) !== undefined;
    if (kept && !this.unattended.getStore()) return;
    if (kept && this.state(profile.id) !== 'needsSignIn') void this.markNeedsSignIn(profile.id);
    throw new PodApiError(message, { kind: 'auth' });
  }

  private async markNeedsSignIn(podId: string): Promise<void> {
    this.states.set(podId, 'needsSignIn');
    await this.updateContextKeys();
    this.changed.fire(podId);
  }

  private async pasteAcceptedToken(profile: PodProfile): Promise<string> {
    const ask = async (refusal?: string) =>
      (
        await this.prompts.current.input({
          title: vscode.l10n.t('Sign in to {0}', profile.label),
          prompt: refusal ? vscode.l10n.t('{0}. Paste another session token for {1} (it is kept in the OS keychain).', refusal, profile.podUrl)
            : vscode.l10n.t('Paste a session token for {0} (it is kept in the OS keychain).', profile.podUrl),
          password: true,
          validate: (value) => (value.trim() ? undefined : vscode.l10n.t('Paste the session token.')),
        })
      ).trim();
    const first = await ask();
    const refused = await this.tokenRefusal(profile, first);
    if (!refused) return first;
    const second = await ask(refused);
    const refusedAgain = await this.tokenRefusal(profile, second);
    if (refusedAgain) throw new PodApiError(vscode.l10n.t('{0}. Run "Sign In" on {1} to paste another.', refusedAgain, profile.label), { kind: 'auth', status: 401 });
    return second;
  }

  /** Asks the pod who the token belongs to; returns why the pod refused it, or undefined when it accepts it. */
  private async tokenRefusal(profile: PodProfile, token: string): Promise<string | undefined> {
    const transport = new HttpTransport({ caPem: caBundle(profile), timeoutMs: httpTimeoutMs() }, (line) =>
      this.log.info(`[${profile.label}] pasted token check: ${line.method} ${line.path} → ${line.status} (${line.ms} ms)`),
    );
    try {
      await transport.request({ method: 'GET', url: `${profile.podUrl}/pod/v2/sessioninfo`, headers: { sessionToken: token }, context: { area: 'session' } });
      return undefined;
    } catch (error) {
      if (error instanceof PodApiError && (error.status === 401 || error.status === 403)) {
        return vscode.l10n.t('The pod did not accept this token: {0}', error.podMessage ?? `HTTP ${error.status}`);
      }
      throw error;
    } finally {
      transport.dispose();
    }
  }

  private async updateContextKeys(): Promise<void> {
    const profiles = this.store.list();
    await vscode.commands.executeCommand('setContext', 'symphonyPodAdmin.hasPods', profiles.length > 0);
    await vscode.commands.executeCommand('setContext', 'symphonyPodAdmin.hasSignedInPod', profiles.some((p) => this.state(p.id) === 'signedIn'));
  }
}

/** The symphonyPodAdmin.http.timeoutSeconds setting, in milliseconds (30 s when unset or not a positive number). */
export function httpTimeoutMs(): number {
  const seconds = vscode.workspace.getConfiguration('symphonyPodAdmin').get<number>('http.timeoutSeconds', 30);
  return (typeof seconds === 'number' && seconds > 0 ? seconds : 30) * 1000;
}

/** The `http.requestsPerSecond` setting; a bad value is logged with what to fix, and the default is used. */
export function requestsPerSecond(log: { warn(message: string): void }): number {
  const value = vscode.workspace.getConfiguration('symphonyPodAdmin').get<unknown>('http.requestsPerSecond', DEFAULT_REQUESTS_PER_SECOND);
  const problem = validateRequestsPerSecond(value);
  if (!problem) return value as number;
  log.warn(`Setting symphonyPodAdmin.http.requestsPerSecond: ${problem} Using ${DEFAULT_REQUESTS_PER_SECOND} until it is fixed.`);
  return DEFAULT_REQUESTS_PER_SECOND;
}

function caBundle(profile: PodProfile): string | undefined {
  return profile.caBundlePath ? readProfileFile(profile.caBundlePath, vscode.l10n.t('CA bundle')) : undefined;
}

/** Reads a file the profile names (key, certificate, CA bundle: small PEM files); says how to fix a bad path. */
function readProfileFile(path: string | undefined, what: string): string {
  if (!path) throw new PodApiError(vscode.l10n.t('The pod profile has no {0} file: edit the pod and choose one.', what), { kind: 'validation' });
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new PodApiError(vscode.l10n.t('Cannot read the {0} file {1}: {2}. Edit the pod and choose the file again.', what, path, (error as Error).message), { kind: 'validation' });
  }
}
