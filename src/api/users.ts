// Names for user ids: GET /pod/v3/users (up to 100 ids in one request) and POST /pod/v1/user/search (by name or
// email). Everything the pod says about a person is text to show; `displayableText` makes it safe to.

import { ErrorContext } from './errors';
import { Requester } from './requester';
import { SHAPES } from './shapes';
import { UserSearchResults, V2UserList } from './types';
import { UserIdInput, assertValid, toUserId, validateNoInvisible } from './validation';

/** The spec: "Search lists may contain up to 100 elements". */
export const MAX_USER_IDS_PER_REQUEST = 100;
/** The longest search text we send; a longer one is a paste gone wrong. */
export const MAX_USER_QUERY_LENGTH = 200;

export interface UserLookupOptions {
  /** true: this pod's users only; false (default): also users of other pods the caller can see (connections). */
  local?: boolean;
}

export interface UserSearchOptions extends UserLookupOptions { skip?: number; limit?: number }

export class UsersApi {
  constructor(private readonly requester: Requester) {}

  /** One request for up to 100 ids; ids the pod does not know are absent from `users` (and may be in `errors`). */
  async listUsersByIds(ids: UserIdInput[], options: UserLookupOptions = {}): Promise<V2UserList> {
    assertValid('uid', ids.length === 0 ? 'At least one user id is required.'
      : ids.length > MAX_USER_IDS_PER_REQUEST ? `At most ${MAX_USER_IDS_PER_REQUEST} user ids can be looked up in one request.` : undefined);
    const uid = ids.map((id, i) => toUserId(id, `uid[${i}]`).toString()).join(',');
    const res = await this.requester.withSession<V2UserList>({
      method: 'GET', path: '/pod/v3/users', query: { uid, local: String(options.local ?? false) }, context: USERS, expect: SHAPES.userList,
    });
    return res.body ?? { users: [] };
  }

  /** Users whose name or email matches `query` (the pod's own matching); 50 by default. */
  async searchUsers(query: string, options: UserSearchOptions = {}): Promise<UserSearchResults> {
    const text = query.trim();
    assertValid('query', validateUserQuery(text));
    const res = await this.requester.withSession<UserSearchResults>({
      method: 'POST', path: '/pod/v1/user/search', body: { query: text }, context: { ...USERS, changesNothing: true },
      query: { skip: options.skip, limit: options.limit, local: String(options.local ?? false) }, expect: SHAPES.userSearchResults,
    });
    return res.body ?? { count: 0, users: [] };
  }
}

/**
 * The tenant (pod) id a user id belongs to: "the tenant ID is stored in the 27 highest bits … this leaves 36 lowest
 * bits for the user ID" (BDK Java `UserIdUtil`, Python `extract_tenant_id`). So the signed-in account's id names the
 * pod's own tenant, the owner of its groups.
 */
export function tenantOfUserId(userId: number | string | bigint): number {
  return Number(BigInt(userId) >> 36n);
}

/** What is wrong with a search text, or undefined. */
export function validateUserQuery(query: string): string | undefined {
  if (query.trim().length < 2) return 'Type at least 2 characters of a name or email.';
  if (query.length > MAX_USER_QUERY_LENGTH) return `A search is at most ${MAX_USER_QUERY_LENGTH} characters.`;
  return validateNoInvisible(query, 'The search');
}

const USERS: ErrorContext = { area: 'users' };

