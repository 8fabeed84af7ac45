// Names for the user ids of one page of a tool's answer: the client's users API as the tree's people lookup asks it
// (one GET /pod/v3/users per 100 ids, other pods' users included), each name made displayable the way the tree and
// the search show it (display name, else first and last name; control and invisible characters removed).
import { MAX_USER_IDS_PER_REQUEST, PodClient, displayableText, userDisplayName } from '../api';

export interface PersonName {
  name?: string;
  email?: string;
}

/** Name and email per user id (as text); ids the pod does not return are absent. Ids that are not int64 are skipped. */
export async function namesOf(client: PodClient, ids: ReadonlyArray<number | string | undefined>): Promise<Map<string, PersonName>> {
  const wanted = [...new Set(ids.filter((id) => id !== undefined && /^\d{1,19}$/.test(String(id))).map(String))];
  const pages: string[][] = [];
  for (let i = 0; i < wanted.length; i += MAX_USER_IDS_PER_REQUEST) pages.push(wanted.slice(i, i + MAX_USER_IDS_PER_REQUEST));
  const lists = await Promise.all(pages.map((page) => client.users.listUsersByIds(page)));
  const text = (value: unknown) => (value === undefined || value === null ? undefined : displayableText(String(value)).text || undefined);
  return new Map(lists.flatMap((list) => list.users ?? []).filter((u) => u.id !== undefined).map((u) => [String(u.id), {
    name: userDisplayName(u),
    email: text(u.emailAddress),
  }]));
}
