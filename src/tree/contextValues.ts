// Every contextValue the Pods tree produces. `package.json` menus match them in `viewItem` clauses, and a test
// checks both directions (each value is used by some menu, each menu clause matches some value).
export const ContextValue = {
  podSignedIn: 'pod.signedIn',
  podSignedOut: 'pod.signedOut',
  certificates: 'category.certificates',
  certificatesReadOnly: 'category.certificates.readonly',
  applications: 'category.applications',
  applicationsReadOnly: 'category.applications.readonly',
  connections: 'category.connections',
  groups: 'category.groups',
  certificate: 'certificate',
  certificateReadOnly: 'certificate.readonly',
  /** The pod's own certificate: no Delete in the menu (the delete command asks to type its name). */
  certificatePodManaged: 'certificate.podManaged',
  application: 'application',
  applicationReadOnly: 'application.readonly',
  serviceAccounts: 'category.serviceAccounts',
  serviceAccountsReadOnly: 'category.serviceAccounts.readonly',
  serviceAccount: 'serviceAccount',
  users: 'category.users',
  user: 'user',
  connectionStatus: 'connectionStatus',
  connectionIncoming: 'connection.incoming',
  connectionOutgoing: 'connection.outgoing',
  connectionAccepted: 'connection.accepted',
  connectionRejected: 'connection.rejected',
  groupType: 'groupType',
  groupActive: 'group.active',
  groupDeleted: 'group.deleted',
  groupMember: 'groupMember',
  filterHeader: 'filterHeader',
  loadMore: 'loadMore',
  error: 'error',
  message: 'message',
} as const;

export type ContextValue = (typeof ContextValue)[keyof typeof ContextValue];

/** Context values that no menu needs (informational nodes, or nodes that act through their own click command). */
export const contextValuesWithoutMenus: readonly ContextValue[] = [
  ContextValue.certificatesReadOnly,
  ContextValue.applicationsReadOnly,
  ContextValue.applicationReadOnly,
  ContextValue.serviceAccountsReadOnly,
  ContextValue.user,
  ContextValue.connectionRejected,
  ContextValue.groupMember,
  ContextValue.loadMore,
  ContextValue.error,
  ContextValue.message,
];
