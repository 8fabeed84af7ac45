// PodClient: one per pod, shared by the tree, the commands, the webviews and the document provider. It owns the
// HTTP transport (one keep-alive agent) and the token renewal, and exposes the typed areas.

import { AppsApi } from './apps';
import { CertsApi } from './certs';
import { ConnectionsApi } from './connections';
import { GroupsApi } from './groups';
import { HttpTransport, RequestLogLine, TransportOptions } from './http';
import { RequestPacer } from './pacing';
import { Requester, WriteHooks } from './requester';
import { SessionApi } from './session';
import { Authenticate, TokenStore, memoryTokenStore } from './tokens';
import { UserV2 } from './types';
import { UsersApi } from './users';
import { normalizePodUrl } from './validation';
import { WriteGate, WriteObserver } from './writeGate';

export interface PodClientOptions extends TransportOptions {
  podUrl: string;
  /** Where certificate sign-in goes when it is not the pod's origin; kept for the authenticator the caller builds. */
  sessionAuthUrl?: string;
  authenticate: Authenticate;
  tokens?: TokenStore;
  logger?: (line: RequestLogLine) => void;
  /** Refuses writes before anything is sent (the production lock); see writeGate.ts. */
  writeGate?: WriteGate;
  /** Told the outcome of every write (the activity log). */
  onWrite?: WriteObserver;
}

export class PodClient {
  readonly podUrl: string;
  readonly sessionAuthUrl: string | undefined;
  readonly session: SessionApi;
  readonly certs: CertsApi;
  readonly apps: AppsApi;
  readonly connections: ConnectionsApi;
  readonly groups: GroupsApi;
  readonly users: UsersApi;
  private readonly transport: HttpTransport;
  private readonly requester: Requester;
  private readonly writes: WriteHooks;

  constructor(options: PodClientOptions) {
    this.podUrl = normalizePodUrl(options.podUrl);
    this.sessionAuthUrl = options.sessionAuthUrl;
    this.transport = new HttpTransport(options, options.logger);
    this.writes = { gate: options.writeGate, observe: options.onWrite };
    this.requester = new Requester(this.transport, this.podUrl, options.tokens ?? memoryTokenStore(), options.authenticate, this.writes);
    this.session = new SessionApi(this.requester);
    this.certs = new CertsApi(this.requester);
    this.apps = new AppsApi(this.requester, this.transport, this.podUrl);
    this.connections = new ConnectionsApi(this.requester);
    this.groups = new GroupsApi(this.requester);
    this.users = new UsersApi(this.requester);
  }

  private readonly areas = new Map<unknown, unknown>();

  /**
   * An API area built on this client's session and transport on first use, for areas the extension bundle does not
   * carry (a lazily loaded part brings the class: `client.area(AccountsApi)`). One instance per class and client.
   */
  area<T>(Area: new (requester: Requester, transport: HttpTransport, origin: string) => T): T {
    let area = this.areas.get(Area) as T | undefined;
    if (!area) this.areas.set(Area, (area = new Area(this.requester, this.transport, this.podUrl)));
    return area;
  }

  /** Runs authenticate(), stores the session token, and returns who signed in. */
  async signIn(): Promise<UserV2> {
    await this.requester.signIn();
    return this.session.getSessionInfo();
  }

  /**
   * Applies a new per-attempt timeout to every later request of this client, signed in or not. Sign-in itself runs
   * in the authenticator the caller built: give it the same value (see pods/podSessions.ts).
   */
  setTimeoutMs(timeoutMs: number): void {
    this.transport.setTimeoutMs(timeoutMs);
  }

  /** The request rate and how often the pod has throttled this client (pacing.ts). */
  get pacing(): RequestPacer {
    return this.transport.pacer;
  }

  /** At most this many requests start in any second from now on (the `symphonyPodAdmin.http.requestsPerSecond` setting). */
  setRequestsPerSecond(perSecond: number): void {
    this.transport.pacer.setRate(perSecond);
  }

  /** Replaces the write gate (undefined: every write goes); the CLI sets it from `--unlock`. */
  setWriteGate(gate: WriteGate | undefined): void {
    this.writes.gate = gate;
  }

  /** The per-attempt timeout in use. */
  get timeoutMs(): number {
    return this.transport.currentTimeoutMs;
  }

  /** Closes the pooled sockets; the client must not be used afterwards. */
  dispose(): void {
    this.transport.dispose();
  }
}
