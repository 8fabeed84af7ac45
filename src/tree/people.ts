// Names for user ids, per pod: one GET /pod/v3/users per page of up to 100 ids, cached, with one request in flight
// per id (a second ask for an id being looked up waits for that request). Nodes resolve the ids of a page when
// they load it (`fresh`: a refreshed node asks again) and label themselves from the cache, synchronously.
// What the pod says is shown as plain text, with control and invisible characters removed.
import { MAX_USER_IDS_PER_REQUEST, PodClient, UserV2, displayableText, userDisplayName } from '../api';
import { processWide } from '../parts/processWide';
import { PodSessions } from '../pods/podSessions';
import { l10n } from '../text/l10n';
import { describeError } from '../ui/errors';

export interface Person {
  id: string;
  /** The display name to show; undefined when the id could not be resolved (then `problem` says why). */
  name?: string;
  email?: string;
  username?: string;
  company?: string;
  title?: string;
  /** The pod's name held control or invisible characters that are not shown. */
  cleaned?: boolean;
  problem?: string;
}

const notReturned = () => l10n.t('The pod did not return this user: it does not exist or is not visible to the signed-in account.');

export class People {
  private readonly known = new Map<string, Person>();
  private readonly inFlight = new Map<string, Promise<Person>>();

  constructor(private readonly client: () => PodClient) {}

  /** What is known about the id, without a request. */
  get(id: number | string | bigint): Person | undefined {
    return this.known.get(String(id));
  }

  /**
   * Resolves the ids: cached ones without a request (unless `fresh`), ids being looked up share that request, the
   * rest in requests of up to 100 ids. Never throws: a failed lookup is a Person with `problem`.
   */
  async resolve(ids: Array<number | string | bigint>, options: { fresh?: boolean } = {}): Promise<Map<string, Person>> {
    const wanted = [...new Set(ids.map(String))];
    const missing = wanted.filter((id) => !this.inFlight.has(id) && (options.fresh || !this.known.has(id)));
    for (let i = 0; i < missing.length; i += MAX_USER_IDS_PER_REQUEST) this.lookUp(missing.slice(i, i + MAX_USER_IDS_PER_REQUEST));
    const people = await Promise.all(wanted.map((id) => this.inFlight.get(id) ?? Promise.resolve(this.known.get(id)!)));
    return new Map(people.map((p) => [p.id, p]));
  }

  private lookUp(ids: string[]): void {
    // Deferred so that a client that cannot be built (signed out) becomes a failed lookup, not a throw.
    const request = Promise.resolve().then(() => this.client().users.listUsersByIds(ids)).then(
      (list) => {
        const found = new Map((list.users ?? []).filter((u) => u.id !== undefined).map((u) => [String(u.id), u]));
        const reasons = new Map((list.errors ?? []).filter((e) => e.id !== undefined).map((e) => [String(e.id), e.error]));
        return (id: string): Person => {
          const user = found.get(id);
          if (user) return personOf(id, user);
          const reason = reasons.get(id);
          return { id, problem: reason ? l10n.t('The pod could not look up this user ({0}).', displayableText(reason).text) : notReturned() };
        };
      },
      (error: unknown) => (id: string): Person => ({ id, problem: l10n.t('Looking up the name failed: {0}', describeError(error)) }),
    );
    for (const id of ids) {
      const one = request.then((toPerson) => {
        const person = toPerson(id);
        this.known.set(id, person);
        this.inFlight.delete(id);
        return person;
      });
      this.inFlight.set(id, one);
    }
  }
}

function personOf(id: string, user: UserV2): Person {
  const text = (value: string | undefined) => (value === undefined || value === null ? undefined : displayableText(String(value)));
  const fields = { name: text(user.displayName), email: text(user.emailAddress), username: text(user.username), company: text(user.company), title: text(user.title) };
  const shown = (f: { text: string } | undefined) => (f?.text ? f.text : undefined);
  const name = userDisplayName(user);
  return {
    id, name, email: shown(fields.email), username: shown(fields.username), company: shown(fields.company), title: shown(fields.title),
    cleaned: Object.values(fields).some((f) => f?.removed) || undefined,
    problem: name ? undefined : l10n.t('The pod returned this user without a name.'),
  };
}

/** The label of a node that stands for a user: the name, or the id when there is none. */
export function personLabel(person: Person | undefined, id: number | string): string {
  return person?.name ?? l10n.t('User {0}', String(id));
}

/** A plain-text tooltip (never markdown): who it is, how to reach them, the id, and why a name is missing. */
export function personTooltip(person: Person | undefined, id: number | string, extra: string[] = []): string {
  const lines = [
    person?.name,
    person?.email && l10n.t('Email: {0}', person.email),
    person?.username && l10n.t('Username: {0}', person.username),
    person?.title && l10n.t('Title: {0}', person.title),
    person?.company && l10n.t('Company: {0}', person.company),
    l10n.t('User id: {0}', String(id)),
    ...extra,
    person?.problem,
    person?.cleaned && l10n.t('Invisible or control characters in the name the pod returned are not shown.'),
  ];
  return lines.filter(Boolean).join('\n');
}

/** One line of plain text for a person inside a longer text: "Jane Doe <jane@example.com>, user 123". */
export function personInline(person: Person | undefined, id: number | string): string {
  if (!person?.name) return person?.problem ? l10n.t('user {0} (name unknown: {1})', String(id), person.problem) : l10n.t('user {0}', String(id));
  const reach = person.email ?? person.username;
  return l10n.t('{0}, user {1}', `${person.name}${reach ? ` <${reach}>` : ''}`, String(id));
}

/**
 * The names a list shows (certificates' "updated by", group owners): the first ask of an id since the list's last
 * refresh goes to the pod, later asks (another hover, a repaint) use the cache. Ids that are not user ids (a group's
 * `updatedBy` is free text in the spec) are left alone.
 */
export class ListNames {
  private readonly asked = new Set<string>();

  constructor(readonly people: People) {}

  async resolve(ids: Array<number | string | bigint | undefined | null>): Promise<void> {
    const wanted = [...new Set(ids.filter((id) => id !== undefined && id !== null && /^\d{1,19}$/.test(String(id))).map(String))];
    const fresh = wanted.filter((id) => !this.asked.has(id));
    for (const id of fresh) this.asked.add(id);
    // The fresh ids first: the second call then shares their requests instead of answering from the old cache.
    await Promise.all([this.people.resolve(fresh, { fresh: true }), this.people.resolve(wanted)]);
  }

  /** The list was refreshed: its names are asked again. */
  reset(): void {
    this.asked.clear();
  }
}

/** Does the person's name, email or username contain the (lower-case) filter text? */
export function personMatches(person: Person | undefined, filter: string): boolean {
  return [person?.name, person?.email, person?.username].some((f) => f?.toLowerCase().includes(filter));
}

// Process-wide (src/parts/processWide.ts): the detail views, bundled as a part, share the tree's names.
const lists = processWide('people.lists', () => new WeakMap<object, ListNames>());

/** The ListNames of a list node (made on first use, kept as long as the node). */
export function namesOfList(list: { readonly podId?: string }, sessions: PodSessions): ListNames {
  let names = lists.get(list);
  if (!names) lists.set(list, (names = new ListNames(peopleOf(sessions, list.podId!))));
  return names;
}

const registries = processWide('people.registries', () => new WeakMap<PodSessions, Map<string, People>>());

/** The name cache of one pod (one per PodSessions and pod id). */
export function peopleOf(sessions: PodSessions, podId: string): People {
  let pods = registries.get(sessions);
  if (!pods) registries.set(sessions, (pods = new Map()));
  let people = pods.get(podId);
  if (!people) pods.set(podId, (people = new People(() => sessions.client(podId))));
  return people;
}
