// One verification as the public page runs it: the certificate's status from the server, and the
// QR token's Ed25519 signature checked here in the browser against the published keys. Without a
// network (or with the server unreachable) the page falls back to the keys and the signed
// revocation list it cached on an earlier visit, and says how old that list is.
import type { PublicCertificate } from '../api/publicCertificates.ts';
import {
  checkedRevocationList,
  decodeQrToken,
  ed25519Supported,
  tokenFromQrText,
  verifyQrText,
  type PublishedKeySet,
  type QrCertificateClaims,
  type QrVerifyResult,
  type RevocationList,
  type SignedRevocationList,
} from '../lib/qrVerify.ts';
import { certificateVerdict } from '../../../src/domain/certificates/certificate-verdict.ts';
import { CACHE_KEYS, readCached, readCachedCertificate, writeCached, writeCachedCertificate, type Cached } from './verifyCache.ts';

/** 有效 · 已过期 · 已撤销 · 已被替代 · 未知 (not found, or nothing to judge by offline) · 无效 (signature fails). */
export type Verdict = 'valid' | 'expired' | 'revoked' | 'superseded' | 'unknown' | 'invalid';

export type SignatureCheck =
  | { readonly state: 'valid'; readonly kid: string }
  | { readonly state: 'invalid'; readonly reason: Exclude<QrVerifyResult, { ok: true }>['reason']; readonly kid: string | null; readonly detail: string | null }
  /** no token to check, no keys (offline on a first visit), or a browser without Ed25519 */
  | { readonly state: 'unchecked'; readonly why: 'no_token' | 'no_keys' | 'unsupported' };

export type ViewLookup =
  | { readonly kind: 'found'; readonly view: PublicCertificate }
  /** 404, or 422 for a number that cannot exist */
  | { readonly kind: 'not_found' }
  /** no network, a timeout or a server error */
  | { readonly kind: 'unreachable' };

export interface VerificationOutcome {
  readonly verdict: Verdict;
  /** online: the server's status; offline: the cached revocation list. */
  readonly mode: 'online' | 'offline';
  readonly certificateNo: string | null;
  /** The server's public view; offline, the one cached on an earlier visit (see viewFetchedAt). */
  readonly view: PublicCertificate | null;
  readonly viewFetchedAt: string | null;
  /** The token's claims once its signature verified. */
  readonly claims: QrCertificateClaims | null;
  readonly signature: SignatureCheck;
  /** The revocation list used or fetched (its signature verified), and when it was fetched. */
  readonly revocationList: RevocationList | null;
  readonly revocationFetchedAt: string | null;
  readonly keysFetchedAt: string | null;
  /** Why the verdict is unknown, when it is. */
  readonly unknownBecause: 'not_found' | 'no_certificate' | 'no_revocation_list' | null;
}

export interface VerificationInput {
  readonly certificateNo?: string | undefined;
  /** The scanned QR text: the page URL with the token after '#', or the bare `JL1:` token. */
  readonly qrText?: string | undefined;
}

export const CERTIFICATE_NO = /^[JT]\d{4}-\d{4}-\d{6}$/;
const TIMEOUT_MS = 10_000;

/** Today's civil date in Asia/Shanghai, YYYY-MM-DD. */
export function shanghaiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

class Unreachable extends Error {}

/** An anonymous GET (no cookies): the public endpoints need no session. */
async function getJson<T>(path: string): Promise<{ status: number; body: T | null }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'omit', headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    throw new Unreachable(path);
  }
  if (response.status >= 500) throw new Unreachable(path);
  const body = response.ok ? ((await response.json()) as T) : null;
  return { status: response.status, body };
}

/** The published keys: fetched and cached, or the cached ones when the network is gone. */
async function loadKeys(): Promise<Cached<PublishedKeySet> | null> {
  try {
    const { body } = await getJson<PublishedKeySet>('/.well-known/jiliang-keys.json');
    if (body && Array.isArray(body.certificateKeys) && body.revocationListKey) return writeCached(CACHE_KEYS.keys, body);
  } catch (error) {
    if (!(error instanceof Unreachable)) throw error;
  }
  return readCached<PublishedKeySet>(CACHE_KEYS.keys);
}

/** The signed revocation list, cached only once its signature verified. */
async function loadRevocationList(keys: PublishedKeySet | null): Promise<Cached<RevocationList> | null> {
  let signed: SignedRevocationList | null = null;
  try {
    signed = (await getJson<SignedRevocationList>('/api/v1/public/revocations')).body;
  } catch (error) {
    if (!(error instanceof Unreachable)) throw error;
  }
  if (signed && keys) {
    const list = await checkedRevocationList(signed, keys);
    if (list) {
      writeCached(CACHE_KEYS.revocations, signed);
      return { fetchedAt: new Date().toISOString(), data: list };
    }
  }
  // The cached list is checked again: localStorage is not a trusted place.
  const cached = readCached<SignedRevocationList>(CACHE_KEYS.revocations);
  if (!cached || !keys) return null;
  const list = await checkedRevocationList(cached.data, keys);
  return list ? { fetchedAt: cached.fetchedAt, data: list } : null;
}

async function lookUp(certificateNo: string): Promise<ViewLookup> {
  try {
    const { status, body } = await getJson<PublicCertificate>(`/api/v1/public/certificates/${encodeURIComponent(certificateNo)}`);
    if (body) {
      writeCachedCertificate(certificateNo, body);
      return { kind: 'found', view: body };
    }
    return status === 404 || status === 422 || status === 400 ? { kind: 'not_found' } : { kind: 'unreachable' };
  } catch (error) {
    if (error instanceof Unreachable) return { kind: 'unreachable' };
    throw error;
  }
}

/**
 * The verdict from what is known: the domain's certificateVerdict (the same rules as `jiliang cert
 * verify`), plus what only a browser meets — a number the server does not know, and a signature
 * it could not check (no cached keys, no Ed25519), when the server's status is all there is.
 */
export function verdictOf(input: {
  /** null: the signature could not be checked */
  readonly signature: QrVerifyResult | null;
  readonly lookup: ViewLookup | null;
  readonly list: RevocationList | null;
  readonly today: string;
}): { verdict: Verdict; unknownBecause: VerificationOutcome['unknownBecause'] } {
  const { signature, lookup, list, today } = input;
  if (signature && !signature.ok) return { verdict: 'invalid', unknownBecause: null };
  if (lookup?.kind === 'not_found') return { verdict: 'unknown', unknownBecause: 'not_found' };
  if (!signature) {
    return lookup?.kind === 'found' ? { verdict: lookup.view.status, unknownBecause: null } : { verdict: 'unknown', unknownBecause: 'no_certificate' };
  }
  const online = lookup?.kind === 'found' ? { status: lookup.view.status, version: lookup.view.version, asOf: lookup.view.statusAsOf } : undefined;
  const { status } = certificateVerdict(signature, { list, online }, today);
  return { verdict: status, unknownBecause: status === 'unknown' ? 'no_revocation_list' : null };
}

function signatureCheck(result: QrVerifyResult): SignatureCheck {
  return result.ok ? { state: 'valid', kid: result.kid } : { state: 'invalid', reason: result.reason, kid: result.kid ?? null, detail: result.detail ?? null };
}

/** Runs one verification: online when the server answers, otherwise from this browser's cache. */
export async function verifyCertificate(input: VerificationInput): Promise<VerificationOutcome> {
  // The number to look up: the token's own (read before its signature is checked), else the one asked for.
  let token: string | null = null;
  let tokenNo: string | null = null;
  let malformed: QrVerifyResult | null = null;
  if (input.qrText) {
    try {
      token = tokenFromQrText(input.qrText);
      tokenNo = decodeQrToken(token).claims.certificateNo;
    } catch (error) {
      malformed = { ok: false, reason: 'malformed', detail: (error as Error).message };
    }
  }
  const certificateNo = tokenNo ?? input.certificateNo ?? null;

  const [keys, lookup] = await Promise.all([loadKeys(), certificateNo && !malformed ? lookUp(certificateNo) : Promise.resolve(null)]);
  const list = await loadRevocationList(keys?.data ?? null);

  let view: PublicCertificate | null = null;
  let viewFetchedAt: string | null = null;
  if (lookup?.kind === 'found') {
    view = lookup.view;
    viewFetchedAt = new Date().toISOString();
  } else if (lookup?.kind === 'unreachable' && certificateNo) {
    const cached = readCachedCertificate<PublicCertificate>(certificateNo);
    if (cached) {
      view = cached.data;
      viewFetchedAt = cached.fetchedAt;
    }
  }

  // The token to check: the scanned one, else the server's (or the cached) token of that number.
  const qrText = token ?? view?.qr ?? null;
  let result: QrVerifyResult | null = null;
  let signature: SignatureCheck;
  if (malformed) result = malformed;
  if (result) signature = signatureCheck(result);
  else if (!qrText) signature = { state: 'unchecked', why: 'no_token' };
  else if (!(await ed25519Supported())) signature = { state: 'unchecked', why: 'unsupported' };
  else if (!keys) signature = { state: 'unchecked', why: 'no_keys' };
  else {
    result = await verifyQrText(qrText, keys.data, list?.data);
    signature = signatureCheck(result);
  }
  const claims = result?.ok ? result.claims : null;

  const mode = lookup === null || lookup.kind === 'unreachable' ? 'offline' : 'online';
  const effectiveLookup = mode === 'online' ? lookup : null;
  const { verdict, unknownBecause } = verdictOf({ signature: result, lookup: effectiveLookup, list: list?.data ?? null, today: shanghaiToday() });
  return {
    verdict,
    mode: malformed ? 'online' : mode,
    certificateNo,
    view,
    viewFetchedAt,
    claims,
    signature,
    revocationList: list?.data ?? null,
    revocationFetchedAt: list?.fetchedAt ?? null,
    keysFetchedAt: keys?.fetchedAt ?? null,
    unknownBecause,
  };
}

/** Certificates of an instrument by its registry id (public lookup); null when unreachable. */
export async function certificatesOfInstrument(instrumentId: number): Promise<PublicCertificate[] | null> {
  try {
    const { body } = await getJson<PublicCertificate[]>(`/api/v1/public/certificates?instrumentId=${instrumentId}`);
    return body ?? [];
  } catch (error) {
    if (error instanceof Unreachable) return null;
    throw error;
  }
}
