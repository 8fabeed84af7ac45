// The detail webviews' message protocol, both directions: what a view may ask of the extension host
// (`ViewToHost`) and what the host sends a view (`HostToView`). Every message crossing the boundary is checked
// against these schemas on arrival; anything else is logged and dropped, never acted on. View models carry no
// secrets: no session or bearer token, no private key, no app notification API key (only whether one is set), and
// app public keys only as type + fingerprint. No `vscode` import: the webview front-end bundles this file.
import {
  Infer, Parsed, array, boolean, dictionary, literal, number, object, oneOf, optional, parse, positiveInteger, text, union,
} from './detailPanelSchema';

export type DetailKind = 'certificate' | 'group' | 'application' | 'expiryReport';
export const detailKinds: readonly DetailKind[] = ['certificate', 'group', 'application', 'expiryReport'];

const panelStateProps = { podId: text(200), kind: literal('certificate', 'group', 'application', 'expiryReport'), id: text(2000) };
/** What a panel shows. */
export const panelState = object(panelStateProps);
export type PanelState = Infer<typeof panelState>;

/**
 * The user's unsaved form: every editable field's value by element id (the raw text, even text that would not
 * validate yet), and the version it was edited on (a group's eTag; '' for kinds without one).
 */
export const draft = object({ base: text(200), fields: array(object({ id: text(200), value: text(100_000) }), 2000) });
export type Draft = Infer<typeof draft>;

/** The webview state a reloaded window restores a panel from: what it shows and the unsaved form, if any. */
export const savedPanelState = object({ ...panelStateProps, draft: optional(draft) });
export type SavedPanelState = Infer<typeof savedPanelState>;

// ---- Models (host → view) ---------------------------------------------------------------------------------------

const row = object({ name: text(), value: text() });

export const certificateModel = object({
  kind: literal('certificate'),
  podLabel: text(),
  writable: boolean,
  fingerPrint: text(),
  name: text(),
  type: text(),
  status: text(),
  commonName: text(),
  issuerFingerPrint: optional(text()),
  expiryDate: optional(number),
  expiry: literal('ok', 'expiring', 'expired', 'unknown'),
  warningDays: number,
  lastSeen: optional(number),
  updatedAt: optional(number),
  updatedBy: optional(number),
  /** Who `updatedBy` is (name, and a tooltip with email and id); absent when the id could not be named. */
  updatedByPerson: optional(object({ name: text(), tooltip: text() })),
  sections: array(object({ name: text(), rows: array(row) })),
});
export type CertificateModel = Infer<typeof certificateModel>;

export const profileTextFields = [
  'displayName', 'companyName', 'email', 'mobile', 'jobTitle', 'jobRole', 'jobDepartment', 'jobDivision', 'jobPhone', 'jobCity',
] as const;
export const profileListFields = [
  'industryOfInterest', 'assetClassesOfInterest', 'marketCoverage', 'responsibility', 'function', 'instrument',
] as const;
export type ProfileTextField = (typeof profileTextFields)[number];
export type ProfileListField = (typeof profileListFields)[number];

const profileProps = {
  ...Object.fromEntries(profileTextFields.map((f) => [f, optional(text(1000))])),
  ...Object.fromEntries(profileListFields.map((f) => [f, optional(array(text(1000), 500))])),
} as { [K in ProfileTextField]: ReturnType<typeof optional<string>> } & { [K in ProfileListField]: ReturnType<typeof optional<string[]>> };

const idLists = object({ tenants: array(positiveInteger), users: array(positiveInteger) });
export type IdLists = Infer<typeof idLists>;
export const groupListNames = ['visibilityRestriction', 'implicitConnection', 'interactionTransfer'] as const;
export type GroupListName = (typeof groupListNames)[number];

export const groupModel = object({
  kind: literal('group'),
  podLabel: text(),
  id: text(2000),
  eTag: text(200),
  name: text(),
  type: text(),
  status: literal('ACTIVE', 'DELETED'),
  ownerType: text(),
  ownerId: number,
  createdDate: optional(text()),
  updatedDate: optional(text()),
  updatedBy: optional(text()),
  profile: object(profileProps),
  members: array(object({ memberId: positiveInteger, memberTenant: optional(number), status: optional(text()), addedDate: optional(text()) })),
  avatars: array(object({ size: text(), url: text() })),
  /**
   * The image to preview: the one this panel last uploaded (a data: URL), else the pod's avatar when it is an https
   * URL on the pod's own origin (the only one the panel's CSP lets images load from) or a data: image.
   */
  avatarPreview: optional(text(3_000_000)),
  /** Why the pod's avatar is not previewed, when it has one. */
  avatarProblem: optional(text()),
  /** Names for the user ids the panel shows (owner, members, "updated by"); an id missing here shows as the id. */
  people: array(object({ id: text(40), name: text(), tooltip: text() })),
  visibilityRestriction: idLists,
  implicitConnection: idLists,
  interactionTransfer: idLists,
});
export type GroupModel = Infer<typeof groupModel>;

export const applicationModel = object({
  kind: literal('application'),
  podLabel: text(),
  writable: boolean,
  appId: text(),
  name: text(),
  publisher: text(),
  appUrl: text(),
  domain: text(),
  description: text(),
  iconUrl: text(),
  allowOrigins: text(),
  permissions: array(text(64)),
  knownPermissions: array(text(64)),
  properties: array(object({ key: text(1024), value: text(4096) })),
  notificationUrl: text(),
  notificationApiKeySet: boolean,
  keys: array(object({ slot: literal('current', 'previous', 'certificate'), type: text(), fingerprint: text(), expirationDate: optional(number), action: optional(text()) })),
});
export type ApplicationModel = Infer<typeof applicationModel>;

/** The expiry radar across pods (src/credentials/expiryRadar.ts); one panel, not bound to a pod. */
const expiryRow = object({
  podId: text(200), podLabel: text(), kind: literal('certificate', 'appKey', 'accountKey'), id: text(2000), name: text(), detail: text(),
  date: number, state: literal('expired', 'expiring'),
});
export type ExpiryRow = Infer<typeof expiryRow>;
export const expiryReportModel = object({
  kind: literal('expiryReport'),
  warningDays: number,
  checkedAt: number,
  podCount: number,
  rows: array(expiryRow),
  problems: array(object({ podLabel: text(), message: text() })),
});
export type ExpiryReportModel = Infer<typeof expiryReportModel>;

export type DetailModel = CertificateModel | GroupModel | ApplicationModel | ExpiryReportModel;

// ---- Edits (view → host) ----------------------------------------------------------------------------------------

export const certificateAttributes = object({
  name: text(1000),
  type: literal('USER', 'USERSIGNING', 'OPERATIONSUSER', 'OPERATIONSSIGNING'),
  status: literal('TRUSTED', 'KNOWN', 'REVOKED', 'DISABLED'),
});
export type CertificateAttributesEdit = Infer<typeof certificateAttributes>;

/** Only the fields the user changed; reapplying after a conflict sends the same edit with the new eTag. */
export const groupEdit = object({
  name: optional(text(1000)),
  status: optional(literal('ACTIVE', 'DELETED')),
  profile: optional(object(profileProps)),
  visibilityRestriction: optional(idLists),
  implicitConnection: optional(idLists),
  interactionTransfer: optional(idLists),
});
export type GroupEdit = Infer<typeof groupEdit>;

export const applicationEdit = object({
  name: optional(text(1000)),
  publisher: optional(text(1000)),
  appUrl: optional(text(2000)),
  domain: optional(text(1000)),
  description: optional(text()),
  iconUrl: optional(text(2000)),
  allowOrigins: optional(text(2000)),
  permissions: optional(array(text(64), 200)),
  properties: optional(array(object({ key: text(1024), value: text(4096) }), 500)),
  notificationUrl: optional(text(2000)),
});
export type ApplicationEdit = Infer<typeof applicationEdit>;

// ---- Messages ---------------------------------------------------------------------------------------------------

export const viewToHost = union({
  /** The view has loaded its script and wants its model. */
  ready: {},
  reload: {},
  /** The form changed: the unsaved edits, or none when the form matches what was loaded. */
  draft: { draft: optional(draft) },
  'certificate.save': { attributes: certificateAttributes },
  'certificate.delete': {},
  'certificate.copyFingerprint': {},
  'group.save': { eTag: text(200), edit: groupEdit },
  'group.addMember': { userId: text(40) },
  'group.removeMember': { memberId: positiveInteger },
  'group.uploadAvatar': {},
  'application.save': { edit: applicationEdit },
  'application.openJson': {},
  'application.keyAction': { action: literal('rotate', 'extendPrevious', 'revokePrevious', 'revokeCurrent') },
  'expiryReport.open': { podId: text(200), kind: literal('certificate', 'appKey', 'accountKey'), id: text(2000) },
  'expiryReport.replace': { podId: text(200), kind: literal('certificate', 'appKey', 'accountKey'), id: text(2000) },
  'expiryReport.export': { format: literal('csv', 'markdown') },
});
export type ViewToHost = Infer<typeof viewToHost>;

const fieldChange = object({ field: text(), server: text(), mine: optional(text()) });
export type FieldChange = Infer<typeof fieldChange>;

export const hostToView = union({
  /**
   * `draft`: unsaved edits to put back into the form (after the panel was hidden, closed or the window reloaded).
   * `strings`: the translations VS Code loaded for the extension (English message → the user's language), sent only
   * when the display language is not English; the view's `l10n.t` looks its text up there.
   */
  load: {
    state: panelState, model: oneOf('kind', { certificate: certificateModel, group: groupModel, application: applicationModel, expiryReport: expiryReportModel }),
    draft: optional(draft), strings: optional(dictionary(text(), 5000)),
  },
  busy: { busy: boolean, message: optional(text()) },
  notice: { level: literal('info', 'error'), message: text(), field: optional(text(200)) },
  /** A group save hit 412: the server's version, what changed there, and the edit waiting to be reapplied. */
  'group.conflict': { server: groupModel, changes: array(fieldChange), edit: groupEdit },
});
export type HostToView = Infer<typeof hostToView>;

export function parseViewMessage(value: unknown): Parsed<ViewToHost> {
  return parse(viewToHost, value, 'message');
}

export function parseHostMessage(value: unknown): Parsed<HostToView> {
  return parse(hostToView, value, 'message');
}

export function parsePanelState(value: unknown): Parsed<SavedPanelState> {
  return parse(savedPanelState, value, 'state');
}

/** The message types each kind of view may send besides the shared ones. */
export function messageFitsKind(message: ViewToHost, kind: DetailKind): boolean {
  const prefix = message.type.split('.')[0];
  return prefix === message.type || prefix === kind;
}
