// Choosing a user: the user types a name or email and picks from the pod's search results
// (POST /pod/v1/user/search), or pastes a user id, which is used as typed (digits: ids above 2^53 stay exact).
// Built on `Prompts.input` and `Prompts.pick`, so tests script it like any other question.
import { PodClient, UserV2, displayableText, userDisplayName, validateUserId, validateUserQuery } from '../api';
import { l10n } from '../text/l10n';
import { PickItem, Prompts } from './prompts';

export interface PickedUser {
  /** The id as digits. */
  id: string;
  /** The display name when the user was chosen from search results. */
  name?: string;
}

export interface PickUserOptions {
  title: string;
  /** true: this pod's users only (group members); false: also users of other pods (connections). */
  local: boolean;
  /** A further rule for ids (e.g. the group API's 2^53 limit); returns what is wrong, or undefined. */
  checkId?: (id: string) => string | undefined;
}

const SEARCH_AGAIN = Symbol('search again');

/** Text that is meant as an id: digits and what a paste or a typo adds (signs, dots, invisible characters). */
export function looksLikeUserId(text: string): boolean {
  return /^[-+]?[\d.,]+$/.test(text.replace(/[\s\p{Cf}]/gu, ''));
}

/** "Jane Doe (68719476737)" when the name is known, else "user 68719476737". */
export function describePickedUser(user: PickedUser): string {
  return user.name ? `${user.name} (${user.id})` : l10n.t('user {0}', user.id);
}

export async function pickUser(ui: Prompts, client: PodClient, options: PickUserOptions): Promise<PickedUser> {
  let value: string | undefined;
  for (;;) {
    const typed = (await ui.input({
      title: options.title,
      prompt: l10n.t('Name or email to search for, or a user id'),
      placeHolder: l10n.t('e.g. Jane Doe, jane.doe@example.com or 68719476737'),
      value,
      validate: (v) => (looksLikeUserId(v) ? validateUserId(v.trim()) ?? options.checkId?.(v.trim()) : validateUserQuery(v)),
    })).trim();
    if (looksLikeUserId(typed)) return { id: typed };
    const results = await client.users.searchUsers(typed, { local: options.local, limit: 50 });
    const items: PickItem<UserV2 | typeof SEARCH_AGAIN>[] = (results.users ?? []).filter((u) => u.id !== undefined).map(userItem);
    const more = (results.count ?? 0) > items.length ? l10n.t(' (first {0} of {1}; type more to narrow)', items.length, results.count ?? 0) : '';
    items.push({ label: `$(search) ${l10n.t('Search again…')}`, value: SEARCH_AGAIN });
    const picked = await ui.pick(items, {
      title: `${options.title}: ${items.length > 1 ? l10n.t('users matching "{0}"{1}', typed, more) : l10n.t('no user matches "{0}"', typed)}`,
      placeHolder: l10n.t('Pick a user'),
    });
    if (picked === SEARCH_AGAIN) { value = typed; continue; }
    const id = String(picked.id);
    const problem = options.checkId?.(id);
    if (problem) throw new Error(problem);
    return { id, name: itemName(picked) };
  }
}

function itemName(user: UserV2): string | undefined {
  return userDisplayName(user);
}

function userItem(user: UserV2): PickItem<UserV2> {
  const text = (v: string | undefined) => (v ? displayableText(String(v)).text : '');
  return {
    label: itemName(user) ?? l10n.t('User {0}', String(user.id)),
    description: text(user.emailAddress) || text(user.username),
    detail: [text(user.company), text(user.title), l10n.t('id {0}', String(user.id))].filter(Boolean).join(' · '),
    value: user,
  };
}
