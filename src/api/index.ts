// The public surface of the API client. Import from 'src/api', not from the files inside.

export * from './types';
export { PodApiError, PodApiErrorKind, PodApiErrorInit, ApiArea, ErrorContext, isTlsErrorCode } from './errors';
export { RequestLogLine, RequestLogger, TransportOptions, DEFAULT_TIMEOUT_MS, MAX_REQUEST_BODY_BYTES, HttpTransport } from './http';
export { RetryOptions, DEFAULT_RETRY, backoffDelayMs, parseRetryAfterMs, isRetryableStatus, isThrottled } from './retry';
export { TokenStore, TokenName, Authenticate, memoryTokenStore } from './tokens';
export { SkipLimitOptions, CursorPage, cursorFromPrefix, listAllBySkip, iterateByCursor, listAllByCursor, DEFAULT_PAGE_SIZE, DEFAULT_PAGE_CONCURRENCY, MAX_PAGE_CONCURRENCY, AdaptiveConcurrency, AdaptiveOptions } from './paging';
export { Clock, RequestPacer, DEFAULT_REQUESTS_PER_SECOND, MIN_REQUESTS_PER_SECOND, MAX_REQUESTS_PER_SECOND, validateRequestsPerSecond } from './pacing';
export { PageRequest, validateSegment, MAX_SEGMENT_LENGTH } from './paths';
export { Shape, SHAPES } from './shapes';
export * from './validation';
export { countOf, formatFingerprint, shortFingerprint } from './wording';
export { signJwt, rsaAuthenticator, certificateAuthenticator, RsaAuthenticatorOptions, CertificateAuthenticatorOptions, JWT_LIFETIME_SECONDS } from './auth';
export { SessionApi } from './session';
export { CertsApi } from './certs';
export { AppsApi, validateApplicationDetail, validatePublicKey } from './apps';
export { applicationChanges, noChanges } from './appChanges';
export { ConnectionsApi, ListConnectionsOptions } from './connections';
export { GroupsApi, ListGroupsOptions, groupUpdate, validateGroup } from './groups';
export {
  UsersApi, UserLookupOptions, UserSearchOptions, MAX_USER_IDS_PER_REQUEST, MAX_USER_QUERY_LENGTH, MAX_USERS_PER_PAGE, ServiceAccountPage, isServiceAccount,
  validateUserQuery, tenantOfUserId, userDisplayName,
} from './users';
export {
  AccountsApi, ACCOUNT_ATTRIBUTE_FIELDS, validateAccountAttributes, validateAccountCreate, validateEmail, validateRoleId, validateUserName,
} from './accounts';
export { BulkOptions, BulkOutcome, BULK_CONCURRENCY, runBulk } from './bulk';
export { PodClient, PodClientOptions } from './client';
export { SearchArea, SearchHit, PodSearchResult, PodToSearch, SearchLists, SEARCH_AREAS, MAX_HITS_PER_KIND, SEARCH_CONCURRENCY, searchPods, searchPod, validateSearchText, normalizeFingerprint, SearchAsYouType, SEARCH_DEBOUNCE_MS } from './search';
export { READS_SENT_AS_POST, WriteAttempt, WriteGate, WriteMethod, WriteObserver, WriteOutcome, isDestructiveWrite, isWrite, lockedError } from './writeGate';
