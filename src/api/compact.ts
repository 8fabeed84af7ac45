// Listings held in memory for as long as the tree shows them: 100,000 certificates parsed as the pod sent them cost
// about 540 bytes each, a third of it text that repeats (the issuer's fingerprint, the type, a common name equal to
// the name). `compactCertificates` makes each repeated value one shared string, in place: the items read exactly as
// before (same fields, equal values), they only stop holding copies.

import { CompanyCertInfoItem } from './types';

/** Strings seen in earlier pages, kept once. Bounded: a pod with more distinct values only shares fewer of them. */
export class StringPool {
  private readonly strings = new Map<string, string>();

  constructor(private readonly limit = 10_000) {}

  /** The pool's copy of `value` (the value itself the first time); anything but a string passes through. */
  share<T>(value: T): T {
    if (typeof value !== 'string') return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    if (this.strings.size >= this.limit) this.strings.clear();
    this.strings.set(value, value);
    return value;
  }
}

/**
 * One page of certificates, compacted in place: the type, the status and the issuer's fingerprint come from the
 * pool; a common name equal to the name is the name's string. A certificate's own fingerprint is unique and stays.
 */
export function compactCertificates(items: CompanyCertInfoItem[], pool: StringPool): CompanyCertInfoItem[] {
  for (const item of items) {
    const attributes = item?.companyCertAttributes;
    const info = item?.companyCertInfo;
    if (typeof attributes?.type?.type === 'string') attributes.type.type = pool.share(attributes.type.type);
    if (typeof attributes?.status?.type === 'string') attributes.status.type = pool.share(attributes.status.type);
    if (typeof info?.issuerFingerPrint === 'string') info.issuerFingerPrint = pool.share(info.issuerFingerPrint);
    if (typeof info?.commonName === 'string' && info.commonName === attributes?.name) info.commonName = attributes.name;
  }
  return items;
}
