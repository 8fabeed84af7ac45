// Connections of the signed-in account (/pod/v1/connection/*). There is no admin "connections of user X" call.

import { ErrorContext } from './errors';
import { l10n } from '../text/l10n';
import { segment } from './paths';
import { Requester } from './requester';
import { SHAPES } from './shapes';
import { ConnectionStatusFilter, SuccessResponse, UserConnection, UserConnectionList } from './types';
import { UserIdInput, toUserId } from './validation';

export interface ListConnectionsOptions { status?: ConnectionStatusFilter; userIds?: UserIdInput[] }

export class ConnectionsApi {
  constructor(private readonly requester: Requester) {}

  /** Without status the pod returns pending requests only; same-pod users appear only with ACCEPTED/ALL plus their ids. */
  async listConnections(options: ListConnectionsOptions = {}): Promise<UserConnectionList> {
    const userIds = options.userIds?.map((id, i) => toUserId(id, `userIds[${i}]`).toString()).join(',');
    const res = await this.requester.withSession<UserConnectionList>({
      method: 'GET', path: '/pod/v1/connection/list', query: { status: options.status, userIds }, context: CONNECTIONS,
      expect: SHAPES.connectionList,
    });
    return res.body;
  }

  createConnection(userId: UserIdInput): Promise<UserConnection> { return this.post('create', userId); }
  acceptConnection(userId: UserIdInput): Promise<UserConnection> { return this.post('accept', userId); }
  rejectConnection(userId: UserIdInput): Promise<UserConnection> { return this.post('reject', userId); }

  async getConnection(userId: UserIdInput): Promise<UserConnection> {
    const id = toUserId(userId);
    const res = await this.requester.withSession<UserConnection>({
      method: 'GET', path: `/pod/v1/connection/user/${segment(id, 'userId')}/info`, context: connectionContext(id), expect: SHAPES.connection,
    });
    return res.body;
  }

  async removeConnection(userId: UserIdInput): Promise<SuccessResponse> {
    const id = toUserId(userId, 'uid');
    const res = await this.requester.withSession<SuccessResponse>({
      method: 'POST', path: `/pod/v1/connection/user/${segment(id, 'uid')}/remove`, context: connectionContext(id),
    });
    return res.body ?? {};
  }

  private async post(verb: 'create' | 'accept' | 'reject', userId: UserIdInput): Promise<UserConnection> {
    const id = toUserId(userId);
    const res = await this.requester.withSession<UserConnection>({
      method: 'POST', path: `/pod/v1/connection/${verb}`, body: { userId: id }, context: connectionContext(id),
    });
    return res.body ?? {};
  }
}

const CONNECTIONS: ErrorContext = { area: 'connections' };
const connectionContext = (userId: number | bigint): ErrorContext => ({ area: 'connections', thing: l10n.t('the user {0} or a connection with them', userId.toString()) });
