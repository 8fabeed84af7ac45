// Finding users: names for ids (GET /pod/v3/users, up to 100 ids in one request), the directory search (POST
// /pod/v1/user/search, by name or email), and the pod's own user list (GET /pod/v2/admin/user/list, admin roles),
// out of which the service accounts are paged. Everything the pod says about a person is text to show;
// `displayableText` makes it safe to. Administering one account is accounts.ts.

import { ErrorContext } from './errors';
import { l10n } from '../text/l10n';
import { Requester } from './requester';
import { SHAPES } from './shapes';
import { PageRequest, pageQuery } from './paths';
import { UserSearchResults, V2UserDetail, V2UserList } from './types';
import { UserIdInput, assertValid, displayableText, toUserId, validateNoInvisible } from './validation';

/** The spec: "Search lists may contain up to 100 elements". */
export const MAX_USER_IDS_PER_REQUEST = 100;
/** The longest search text we send; a longer one is a paste gone wrong. */
export const MAX_USER_QUERY_LENGTH = 200;

export interface UserLookupOptions {
  /** true: this pod's users only; false (default): also users of other pods the caller can see (connections). */
  local?: boolean;
}

export interface UserSearchOptions extends UserLookupOptions { skip?: number; limit?: number }

/** The spec: limit "must not exceed 1000". */
export const MAX_USERS_PER_PAGE = 1000;

export interface ServiceAccountPage {
  items: V2UserDetail[];
  /** The `skip` of the next raw page; undefined when the pod's list is exhausted. */
  next?: number;
}

export class UsersApi {
  constructor(private readonly requester: Requester) {}

  /** One request for up to 100 ids; ids the pod does not know are absent from `users` (and may be in `errors`). */
  async listUsersByIds(ids: UserIdInput[], options: UserLookupOptions = {}): Promise<V2UserList> {
    assertValid('uid', ids.length === 0 ? l10n.t('At least one user id is required.')
      : ids.length > MAX_USER_IDS_PER_REQUEST ? l10n.t('At most {0} user ids can be looked up in one request.', MAX_USER_IDS_PER_REQUEST) : undefined);
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

  /** Every user of the pod, people and service accounts, a page at a time (default 100, at most 1000). */
  async listUsers(page: PageRequest = {}): Promise<V2UserDetail[]> {
    assertValid('limit', page.limit === undefined || page.limit <= MAX_USERS_PER_PAGE ? undefined : l10n.t('limit must be at most {0}.', MAX_USERS_PER_PAGE));
    const res = await this.requester.withSession<V2UserDetail[]>({ method: 'GET', path: '/pod/v2/admin/user/list', query: pageQuery(page), context: { area: 'accounts' }, expect: SHAPES.accountList });
    return res.body as V2UserDetail[];
  }

  /**
   * At least `wanted` service accounts (or every one left) from `skip` on. The list has no account-type filter, so
   * this reads pages of 1000 users and keeps the SYSTEM ones; `next` is where the following call continues.
   */
  async pageServiceAccounts(skip: number, wanted: number): Promise<ServiceAccountPage> {
    const items: V2UserDetail[] = [];
    let next: number | undefined = skip;
    while (next !== undefined && items.length < wanted) {
      const page = await this.listUsers({ skip: next, limit: MAX_USERS_PER_PAGE });
      items.push(...page.filter(isServiceAccount));
      next = page.length === MAX_USERS_PER_PAGE ? next + MAX_USERS_PER_PAGE : undefined;
    }
    return { items, next };
  }
}

export const isServiceAccount = (user: V2UserDetail): boolean => user.userAttributes?.accountType === 'SYSTEM';

/**
 * The name a person reads for a user, wherever one is shown (tree, pickers, search, agent tools): the display name,
 * else first and last name, without invisible or control characters; undefined when the pod gave neither.
 */
export function userDisplayName(user: { displayName?: unknown; firstName?: unknown; lastName?: unknown }): string | undefined {
  const clean = (value: unknown) => (value === undefined || value === null ? '' : displayableText(String(value)).text);
  return clean(user.displayName) || clean([user.firstName, user.lastName].filter(Boolean).join(' ')) || undefined;
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
  if (query.trim().length < 2) return l10n.t('Type at least 2 characters of a name or email.');
  if (query.length > MAX_USER_QUERY_LENGTH) return l10n.t('A search is at most {0} characters.', MAX_USER_QUERY_LENGTH);
  return validateNoInvisible(query, l10n.t('The search'));
}

const USERS: ErrorContext = { area: 'users' };

