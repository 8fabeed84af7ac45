// Groups (Profile Manager, /profile-manager/v1/*): types, SDL groups with cursor paging, ETag/If-Match updates,
// members and avatars. Authenticated with the bearer from /login/idm/tokens (see requester.ts).

import { ErrorContext } from './errors';
import { l10n } from '../text/l10n';
import { BodyWatcher, HttpResponse } from './http';
import { iterateByCursor, listAllByCursor } from './paging';
import { segment } from './paths';
import { Query, Requester } from './requester';
import { SHAPES, Shape } from './shapes';
import { BaseProfile, BaseType, CreateGroup, GroupList, GroupStatus, Member, ReadGroup, SortOrder, Type, TypeList, UpdateGroup } from './types';
import {
  Check, ValidationIssue, assertNoIssues, assertValid, issuesOf, validateAvatar, validateRequiredName, validateTextField, validateUserId,
} from './validation';

export interface ListGroupsOptions { after?: string; limit?: number; status?: GroupStatus; sortOrder?: SortOrder }

export class GroupsApi {
  constructor(private readonly requester: Requester) {}

  async listTypes(): Promise<BaseType[]> {
    return listAllByCursor(async (after, watch) => (await this.get<TypeList>('/profile-manager/v1/types', GROUPS, SHAPES.groupTypes, { after }, watch)).body);
  }

  async getType(typeId: string): Promise<Type> {
    return (await this.get<Type>(`/profile-manager/v1/types/${segment(typeId, 'typeId')}`, typeContext(typeId), SHAPES.groupType)).body;
  }

  /** One page; the next page's cursor is `pagination.cursors.after` (absent on the last page). */
  listGroups(typeId: string, options: ListGroupsOptions = {}): Promise<GroupList> {
    return this.groupPage(typeId, options);
  }

  iterateGroups(typeId: string, options: Omit<ListGroupsOptions, 'after'> = {}): AsyncGenerator<ReadGroup, void, undefined> {
    return iterateByCursor(after => this.listGroups(typeId, { ...options, after }));
  }

  listAllGroups(typeId: string, options: Omit<ListGroupsOptions, 'after'> = {}): Promise<ReadGroup[]> {
    return listAllByCursor((after, watch) => this.groupPage(typeId, { ...options, after }, watch));
  }

  private async groupPage(typeId: string, options: ListGroupsOptions, watch?: BodyWatcher): Promise<GroupList> {
    assertValid('limit', options.limit === undefined || (Number.isInteger(options.limit) && options.limit >= 1)
      ? undefined : l10n.t('limit must be a whole number, 1 or more.'));
    const query: Query = { after: options.after, limit: options.limit, status: options.status, sortOrder: options.sortOrder };
    return (await this.get<GroupList>(`/profile-manager/v1/groups/type/${segment(typeId, 'typeId')}`, typeContext(typeId), SHAPES.groupPage, query, watch)).body;
  }

  /** The group with its eTag (from the body, or the Etag header when the body lacks it). */
  async getGroup(groupId: string): Promise<ReadGroup> {
    return withETag(await this.get<ReadGroup>(`/profile-manager/v1/groups/${segment(groupId, 'groupId')}`, groupContext(groupId), SHAPES.group));
  }

  async createGroup(group: CreateGroup): Promise<ReadGroup> {
    assertNoIssues(validateGroup(group));
    return withETag(await this.send<ReadGroup>('POST', '/profile-manager/v1/groups', GROUPS, group));
  }

  /**
   * PUT with If-Match: a 412 means someone else changed the group since `eTag` was read. Sends only the fields
   * `UpdateGroup` defines (a group as read, with its members' dates or a newer field, is accepted and trimmed): a real
   * pod refuses a body with any other field.
   */
  async updateGroup(groupId: string, group: UpdateGroup | ReadGroup, eTag: string): Promise<ReadGroup> {
    assertValid('eTag', validateRequiredName(eTag, l10n.t('The group version (eTag)')));
    const body = groupUpdate(group, group.status ?? 'ACTIVE');
    assertNoIssues(validateGroup(body));
    const path = `/profile-manager/v1/groups/${segment(groupId, 'groupId')}`;
    return withETag(await this.send<ReadGroup>('PUT', path, groupContext(groupId), { ...body, id: body.id ?? groupId, eTag }, { 'If-Match': eTag }));
  }

  async addMember(groupId: string, member: Member): Promise<ReadGroup> {
    assertNoIssues(validateMember(member, 'member'));
    const path = `/profile-manager/v1/groups/${segment(groupId, 'groupId')}/member`;
    return withETag(await this.send<ReadGroup>('POST', path, groupContext(groupId), { member }));
  }

  /** Checks the image (jpg/png/gif, ≤ 2 MB) and uploads it base64-encoded. */
  async uploadAvatar(groupId: string, bytes: Buffer): Promise<ReadGroup> {
    assertValid('image', validateAvatar(bytes));
    const path = `/profile-manager/v1/groups/${segment(groupId, 'groupId')}/avatar`;
    return withETag(await this.send<ReadGroup>('POST', path, groupContext(groupId), { image: bytes.toString('base64') }));
  }

  private get<T>(path: string, context: ErrorContext, expect: Shape, query?: Query, watchBody?: BodyWatcher): Promise<HttpResponse<T>> {
    return this.requester.withBearer<T>({ method: 'GET', path, query, context, expect, watchBody });
  }

  private send<T>(method: 'POST' | 'PUT', path: string, context: ErrorContext, body: unknown, headers?: Record<string, string>): Promise<HttpResponse<T>> {
    return this.requester.withBearer<T>({ method, path, body, headers, context });
  }
}

const GROUPS: ErrorContext = { area: 'groups' };
const groupContext = (groupId: string): ErrorContext => ({ area: 'groups', thing: l10n.t('the group {0}', groupId) });
const typeContext = (typeId: string): ErrorContext => ({ area: 'groups', thing: l10n.t('the group type {0}', typeId) });

function withETag(res: HttpResponse<ReadGroup>): ReadGroup {
  const group = res.body ?? {} as ReadGroup;
  const header = res.headers.get('etag')?.replace(/^W\//, '').replace(/^"|"$/g, '');
  return group.eTag || !header ? group : { ...group, eTag: header };
}

const PROFILE_FIELDS: Array<keyof BaseProfile> = [
  'displayName', 'companyName', 'email', 'mobile', 'jobTitle', 'jobRole', 'jobDepartment', 'jobDivision', 'jobPhone', 'jobCity',
  'industryOfInterest', 'assetClassesOfInterest', 'marketCoverage', 'responsibility', 'function', 'instrument',
];

/**
 * An `UpdateGroup` body from a group as read (or already an update), with `status`: only the fields the operation
 * defines (profile-manager-api.yaml), members as tenant and id, no `null` (the pod reads it as absent anyway).
 */
export function groupUpdate(group: UpdateGroup | ReadGroup, status: GroupStatus): UpdateGroup {
  const { id, type, ownerType, ownerId, name, subType, referrer, eTag } = group;
  const members = group.members?.map(({ memberId, memberTenant }) => ({ memberId, memberTenant }));
  const profile = group.profile ? pick(group.profile as BaseProfile, PROFILE_FIELDS) : undefined;
  const lists = (value: object | undefined, fields: string[]) => (value ? pick(value as Record<string, unknown>, fields) : undefined);
  return dropAbsent({
    id, type, ownerType, ownerId, name, subType, referrer, members, profile, status, eTag,
    visibilityRestriction: lists(group.visibilityRestriction, ['restrictedTenantsList', 'restrictedUsersList']),
    implicitConnection: lists(group.implicitConnection, ['connectedTenantsList', 'connectedUsersList']),
    interactionTransfer: lists(group.interactionTransfer, ['restrictedTenantsList', 'restrictedUsersList']),
  }) as unknown as UpdateGroup;
}

function pick<T extends object>(value: T, fields: Array<keyof T | string>): T {
  return dropAbsent(Object.fromEntries(fields.map(f => [f, (value as Record<string, unknown>)[f as string]]))) as T;
}

function dropAbsent(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null));
}

/** Every local problem with a group to create or update, with Profile Manager's rules. */
export function validateGroup(group: CreateGroup): ValidationIssue[] {
  const checks: Array<[string, Check]> = [
    ['type', validateRequiredName(group.type, l10n.t('The group type'))],
    ['name', validateRequiredName(group.name, l10n.t('The group name'))],
    ['ownerType', ['PLATFORM', 'TENANT', 'USER'].includes(group.ownerType) ? undefined : l10n.t('The owner type must be TENANT (or PLATFORM / USER).')],
    ['ownerId', Number.isSafeInteger(group.ownerId) && group.ownerId > 0 ? undefined : l10n.t('The owner id (the pod id for TENANT) must be a positive whole number.')],
  ];
  if (group.profile) {
    checks.push(['profile.displayName', validateRequiredName(group.profile.displayName, l10n.t('The profile display name'))]);
    for (const [key, value] of Object.entries(group.profile)) {
      if (key !== 'displayName' && typeof value === 'string') checks.push([`profile.${key}`, validateTextField(value, l10n.t('The profile field {0}', key))]);
    }
  }
  const issues = issuesOf(checks);
  (group.members ?? []).forEach((m, i) => issues.push(...validateMember(m, `members[${i}]`)));
  return issues;
}

function validateMember(member: Member, field: string): ValidationIssue[] {
  return issuesOf([
    [`${field}.memberId`, member?.memberId === undefined ? l10n.t('The member needs a user id.') : validateUserId(member.memberId)],
    [`${field}.memberTenant`, Number.isSafeInteger(member?.memberTenant) && (member.memberTenant as number) > 0
      ? undefined : l10n.t('The member needs its tenant (pod) id, a positive whole number.')],
  ]);
}
