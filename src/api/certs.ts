// Company certificates (/pod/v1/companycert/*, /pod/v2/companycert/create). Creates and updates are checked
// locally first: the PEM must be a certificate that has not expired, and the name must not be blank.

import { StringPool, compactCertificates } from './compact';
import { ErrorContext } from './errors';
import { l10n } from '../text/l10n';
import { SkipLimitOptions, listAllBySkip } from './paging';
import { PageRequest, pageQuery, segment, validateSegment } from './paths';
import { Requester } from './requester';
import { SHAPES } from './shapes';
import {
  CompanyCertAttributes, CompanyCertDetail, CompanyCertInfoList, CompanyCertTypeName, SuccessResponse,
} from './types';
import { assertValid, validateCertificatePem, validateRequiredName } from './validation';

export class CertsApi {
  /** Values that repeat across listings (types, statuses, issuers), kept once however many pages hold them. */
  private readonly strings = new StringPool();

  constructor(private readonly requester: Requester) {}

  /** A listing's window shrinks when the pod throttles this client (pacing.ts). */
  private paging(options?: SkipLimitOptions): SkipLimitOptions {
    return { pacer: this.requester.pacer, ...options };
  }

  listCompanyCertificates(page: PageRequest = {}): Promise<CompanyCertInfoList> {
    return this.list('/pod/v1/companycert/list', page);
  }

  listAllCompanyCertificates(options?: SkipLimitOptions): Promise<CompanyCertInfoList> {
    return listAllBySkip((skip, limit) => this.listCompanyCertificates({ skip, limit }), this.paging(options));
  }

  listPodManagedCertificates(page: PageRequest = {}): Promise<CompanyCertInfoList> {
    return this.list('/pod/v1/companycert/podmanaged/list', page);
  }

  listAllPodManagedCertificates(options?: SkipLimitOptions): Promise<CompanyCertInfoList> {
    return listAllBySkip((skip, limit) => this.listPodManagedCertificates({ skip, limit }), this.paging(options));
  }

  /** POST /v1/companycert/type/list with body [{"type": …}]. */
  async listCertificatesByType(types: CompanyCertTypeName[], page: PageRequest = {}): Promise<CompanyCertInfoList> {
    assertValid('types', types.length > 0 ? undefined : l10n.t('Choose at least one certificate type.'));
    const res = await this.requester.withSession<CompanyCertInfoList>({
      method: 'POST', path: '/pod/v1/companycert/type/list', query: pageQuery(page),
      body: types.map(type => ({ type })), context: { area: 'certs', changesNothing: true }, expect: SHAPES.certList,
    });
    return compactCertificates(res.body, this.strings);
  }

  listAllCertificatesByType(types: CompanyCertTypeName[], options?: SkipLimitOptions): Promise<CompanyCertInfoList> {
    return listAllBySkip((skip, limit) => this.listCertificatesByType(types, { skip, limit }), this.paging(options));
  }

  /** Certificates verified against the one with this fingerprint. */
  async listIssuedBy(fingerPrint: string): Promise<CompanyCertInfoList> {
    const res = await this.requester.withSession<CompanyCertInfoList>({
      method: 'GET', path: `/pod/v1/companycert/${segment(fingerPrint, 'fingerPrint')}/issuedBy`, context: certContext(fingerPrint),
      expect: SHAPES.certList,
    });
    return compactCertificates(res.body, this.strings);
  }

  async getCompanyCertificate(fingerPrint: string): Promise<CompanyCertDetail> {
    const res = await this.requester.withSession<CompanyCertDetail>({
      method: 'GET', path: `/pod/v1/companycert/${segment(fingerPrint, 'fingerPrint')}/get`, context: certContext(fingerPrint),
      expect: SHAPES.certDetail,
    });
    return res.body;
  }

  /** POST /v2/companycert/create (the v2 call refuses expired certificates; we refuse them before sending). */
  async createCompanyCertificate(pem: string, attributes: CompanyCertAttributes): Promise<CompanyCertDetail> {
    assertValid('pem', validateCertificatePem(pem));
    validateAttributes(attributes, true);
    const res = await this.requester.withSession<CompanyCertDetail>({
      method: 'POST', path: '/pod/v2/companycert/create', body: { pem, attributes }, context: CERTS,
    });
    return res.body ?? {};
  }

  async updateCompanyCertificate(fingerPrint: string, attributes: CompanyCertAttributes): Promise<SuccessResponse> {
    validateAttributes(attributes, false);
    const res = await this.requester.withSession<SuccessResponse>({
      method: 'POST', path: `/pod/v1/companycert/${segment(fingerPrint, 'fingerPrint')}/update`, body: attributes, context: certContext(fingerPrint),
    });
    return res.body ?? {};
  }

  /** POST /v1/companycert/delete with body {"id": fingerprint} (StringId, not {fingerPrint}). */
  async deleteCompanyCertificate(fingerPrint: string): Promise<SuccessResponse> {
    // Not a path here (the body carries it), but the same id rules: a fingerprint is never "..", "/x" or blank.
    assertValid('fingerPrint', validateSegment(fingerPrint, 'fingerPrint'));
    const res = await this.requester.withSession<SuccessResponse>({
      method: 'POST', path: '/pod/v1/companycert/delete', body: { id: fingerPrint }, context: certContext(fingerPrint),
    });
    return res.body ?? {};
  }

  private async list(path: string, page: PageRequest): Promise<CompanyCertInfoList> {
    const res = await this.requester.withSession<CompanyCertInfoList>({ method: 'GET', path, query: pageQuery(page), context: CERTS, expect: SHAPES.certList });
    return compactCertificates(res.body, this.strings);
  }
}

const CERTS: ErrorContext = { area: 'certs' };

function certContext(fingerPrint: string): ErrorContext {
  return { area: 'certs', thing: l10n.t('the company certificate {0}', fingerPrint) };
}

/** Create needs name, type and status; update sends only what changes, but never a blank name. */
function validateAttributes(attributes: CompanyCertAttributes, creating: boolean): void {
  assertValid('attributes', attributes && typeof attributes === 'object' ? undefined : l10n.t('The certificate attributes are required.'));
  if (creating || attributes.name !== undefined) assertValid('attributes.name', validateRequiredName(attributes.name, l10n.t('The certificate name')));
  const typeHelp = l10n.t('Choose the certificate type (USER, USERSIGNING, OPERATIONSSIGNING or OPERATIONSUSER).');
  const statusHelp = l10n.t('Choose the certificate status (TRUSTED, KNOWN, REVOKED or DISABLED).');
  if (attributes.type !== undefined) assertValid('attributes.type', CERT_TYPES.includes(attributes.type?.type) ? undefined : typeHelp);
  if (attributes.status !== undefined) assertValid('attributes.status', CERT_STATUSES.includes(attributes.status?.type) ? undefined : statusHelp);
  if (!creating) return;
  assertValid('attributes.type', attributes.type?.type ? undefined : typeHelp);
  assertValid('attributes.status', attributes.status?.type ? undefined : statusHelp);
}

const CERT_TYPES: unknown[] = ['USER', 'USERSIGNING', 'OPERATIONSSIGNING', 'OPERATIONSUSER'];
const CERT_STATUSES: unknown[] = ['TRUSTED', 'KNOWN', 'REVOKED', 'DISABLED'];
