// The public surface of the API client. Import from 'src/api', not from the files inside.

export * from './types';
export { PodApiError, PodApiErrorKind, PodApiErrorInit, ApiArea, ErrorContext, isTlsErrorCode } from './errors';
export { RequestLogLine, RequestLogger, TransportOptions, DEFAULT_TIMEOUT_MS, HttpTransport } from './http';
export { RetryOptions, DEFAULT_RETRY, backoffDelayMs, parseRetryAfterMs, isRetryableStatus } from './retry';
export { TokenStore, TokenName, Authenticate, memoryTokenStore } from './tokens';
export { SkipLimitOptions, CursorPage, listAllBySkip, iterateByCursor, listAllByCursor, DEFAULT_PAGE_SIZE, DEFAULT_PAGE_CONCURRENCY } from './paging';
export { PageRequest } from './paths';
export * from './validation';
export { signJwt, rsaAuthenticator, certificateAuthenticator, RsaAuthenticatorOptions, CertificateAuthenticatorOptions, JWT_LIFETIME_SECONDS } from './auth';
export { SessionApi } from './session';
export { CertsApi } from './certs';
export { AppsApi, validateApplicationDetail, validatePublicKey } from './apps';
export { applicationChanges, noChanges } from './appChanges';
export { ConnectionsApi, ListConnectionsOptions } from './connections';
export { GroupsApi, ListGroupsOptions, validateGroup } from './groups';
export { PodClient, PodClientOptions } from './client';
