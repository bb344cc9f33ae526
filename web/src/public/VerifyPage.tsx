// 证书核验: what a phone shows after scanning a certificate's QR code (`/v#JL1:…`), or after typing a
// certificate number (`/v/J2026-0001-000001`) or an instrument's registry number (`/v?instrument=…`).
// A big verdict, the browser's own check of the QR signature, the public fields, downloads and the
// certificate's history; offline, the verdict from the keys and revocation list cached earlier.
import { useEffect, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { certificateLinks, type PublicCertificate } from '../api/publicCertificates.ts';
import type { Lang } from '../api/types.ts';
import { setLang } from '../i18n/index.ts';
import { formatInstant } from '../lib/format.ts';
import { tokenFromQrText } from '../lib/qrVerify.ts';
import { CERTIFICATE_NO, certificatesOfInstrument, verifyCertificate, type Verdict, type VerificationInput, type VerificationOutcome } from './verification.ts';

const VERDICT_SYMBOL: Record<Verdict, string> = { valid: '✓', expired: '!', revoked: '⊘', superseded: '↻', unknown: '?', invalid: '✕' };

function useLangCode(): Lang {
  return useTranslation().i18n.language === 'en' ? 'en' : 'zh';
}

function LangToggle() {
  const lang = useLangCode();
  const { t } = useTranslation();
  return (
    <div className="pv-lang" role="group" aria-label={t('lang.label')}>
      {(['zh', 'en'] as const).map((code) => (
        <button key={code} type="button" aria-pressed={lang === code} className={lang === code ? 'is-active' : ''} onClick={() => setLang(code)} data-testid={`lang-${code}`}>
          {t(`lang.${code}`)}
        </button>
      ))}
    </div>
  );
}

/** The URL form of a token (the fragment percent-encoded as the QR writes it). */
function tokenHash(token: string): string {
  return `#${token.replace(/%/g, '%25').replace(/ /g, '%20')}`;
}

function VerdictCard({ outcome }: { outcome: VerificationOutcome }) {
  const { t } = useTranslation();
  const { verdict } = outcome;
  const hint = verdict === 'unknown' ? t(`publicVerify.hint.${outcome.unknownBecause ?? 'not_found'}`) : t(`publicVerify.hint.${verdict}`);
  return (
    <section className={`pv-verdict pv-verdict--${verdict}`} data-testid="verdict" data-verdict={verdict} aria-live="polite">
      <div className="pv-verdict__symbol" aria-hidden>
        {VERDICT_SYMBOL[verdict]}
      </div>
      <div>
        <div className="pv-verdict__label" data-testid="verdict-label">
          {t(`publicVerify.verdict.${verdict}`)}
        </div>
        {outcome.certificateNo ? (
          <div className="pv-verdict__no" data-testid="verdict-certificate-no">
            {outcome.certificateNo}
          </div>
        ) : null}
        <p className="pv-verdict__hint">{hint}</p>
      </div>
    </section>
  );
}

function SignatureLine({ outcome }: { outcome: VerificationOutcome }) {
  const { t } = useTranslation();
  const s = outcome.signature;
  const text =
    s.state === 'valid'
      ? `${t('publicVerify.signature.valid')} · ${t('publicVerify.signature.validDetail', { kid: s.kid })}`
      : s.state === 'invalid'
        ? t(`publicVerify.signature.${s.reason}`, { kid: s.kid ?? '—' })
        : t(`publicVerify.signature.${s.why}`);
  const symbol = s.state === 'valid' ? '✓' : s.state === 'invalid' ? '✕' : '–';
  return (
    <div className={`pv-signature pv-signature--${s.state}`} data-testid="signature-check" data-state={s.state}>
      <span className="pv-signature__symbol" aria-hidden>
        {symbol}
      </span>
      <span>
        <strong>{t('publicVerify.signatureTitle')}</strong>
        <span data-testid="signature-text">{text}</span>
        {s.state === 'invalid' && s.detail ? <small className="pv-muted pv-break"> ({s.detail})</small> : null}
      </span>
    </div>
  );
}

function ModeNote({ outcome }: { outcome: VerificationOutcome }) {
  const { t } = useTranslation();
  if (outcome.mode === 'online') {
    const asOf = outcome.view?.statusAsOf;
    return asOf ? (
      <p className="pv-note" data-testid="verify-mode" data-mode="online">
        {t('publicVerify.online', { time: formatInstant(asOf) })}
      </p>
    ) : null;
  }
  const list = outcome.revocationList;
  return (
    <div className="pv-note pv-note--offline" data-testid="verify-mode" data-mode="offline">
      <div data-testid="offline-note">{list ? t('publicVerify.offline', { asOf: formatInstant(list.asOf) }) : t('publicVerify.offlineNoList')}</div>
      {outcome.view && outcome.viewFetchedAt ? <div>{t('publicVerify.cachedView', { time: formatInstant(outcome.viewFetchedAt) })}</div> : null}
    </div>
  );
}

interface FieldRow {
  readonly key: string;
  readonly label: string;
  readonly value: ReactNode;
}

function Details({ outcome }: { outcome: VerificationOutcome }) {
  const { t } = useTranslation();
  const lang = useLangCode();
  const f = (key: string) => t(`publicVerify.fields.${key}`);
  const v = outcome.view;
  const c = outcome.claims;
  let rows: FieldRow[] = [];
  if (v) {
    rows = [
      { key: 'kind', label: f('kind'), value: `${t(`documentKind.${v.kind}`)} · ${t('certificate.version', { version: v.version })}` },
      { key: 'category', label: f('category'), value: lang === 'en' ? v.instrument.categoryNameEn : v.instrument.categoryNameZh },
      { key: 'manufacturer', label: f('manufacturer'), value: v.instrument.manufacturer },
      { key: 'model', label: f('model'), value: v.instrument.model },
      { key: 'serialNo', label: f('serialNo'), value: v.instrument.serialNo },
      { key: 'registryId', label: f('registryId'), value: v.instrument.id },
      { key: 'owner', label: f('owner'), value: v.owner.name },
      { key: 'institution', label: f('institution'), value: v.institution.name },
      { key: 'conclusion', label: f('conclusion'), value: <span className={`pv-conclusion pv-conclusion--${v.conclusion}`}>{t(`conclusion.${v.conclusion}`)}</span> },
      { key: 'verifiedOn', label: f('verifiedOn'), value: v.verifiedOn },
      { key: 'validUntil', label: f('validUntil'), value: v.validUntil ?? '—' },
      { key: 'issuedAt', label: f('issuedAt'), value: formatInstant(v.issuedAt) },
      ...(v.revocation
        ? [
            { key: 'revokedAt', label: f('revokedAt'), value: formatInstant(v.revocation.at) },
            { key: 'revokeReason', label: f('revokeReason'), value: v.revocation.reason || '—' },
          ]
        : []),
    ];
  } else if (c) {
    // Offline without a cached copy: the signed claims of the token itself.
    rows = [
      { key: 'kind', label: f('kind'), value: `${t(`documentKind.${c.kind}`)} · ${t('certificate.version', { version: c.version })}` },
      { key: 'category', label: f('category'), value: c.instrument.categoryCode },
      { key: 'manufacturer', label: f('manufacturer'), value: c.instrument.manufacturer },
      { key: 'model', label: f('model'), value: c.instrument.model },
      { key: 'serialNo', label: f('serialNo'), value: c.instrument.serialNo },
      { key: 'registryId', label: f('registryId'), value: c.instrument.registryId },
      { key: 'owner', label: f('owner'), value: c.owner.name },
      { key: 'institution', label: f('institution'), value: c.institution.name },
      { key: 'conclusion', label: f('conclusion'), value: <span className={`pv-conclusion pv-conclusion--${c.conclusion}`}>{t(`conclusion.${c.conclusion}`)}</span> },
      { key: 'verifiedOn', label: f('verifiedOn'), value: c.verifiedOn },
      { key: 'validUntil', label: f('validUntil'), value: c.validUntil ?? '—' },
      { key: 'issuedAt', label: f('issuedAt'), value: formatInstant(new Date(c.issuedAt * 1000).toISOString()) },
    ];
  }
  if (!rows.length) return null;
  return (
    <dl className="pv-fields" data-testid="certificate-fields">
      {rows.map((row) => (
        <div key={row.key} className="pv-field" data-testid={`field-${row.key}`}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Downloads({ view }: { view: PublicCertificate }) {
  const { t } = useTranslation();
  const no = view.certificateNo;
  return (
    <section className="pv-card pv-no-print">
      <h2>{t('publicVerify.downloads')}</h2>
      <ul className="pv-links">
        <li>
          <a href={certificateLinks.pdf(no)} download data-testid="download-pdf">
            {t('publicVerify.pdf')}
          </a>
        </li>
        <li>
          <a href={certificateLinks.dcc(no)} download data-testid="download-dcc">
            {t('publicVerify.dcc')}
          </a>
        </li>
        <li>
          <a href={certificateLinks.proof(no)} target="_blank" rel="noopener" data-testid="download-proof">
            {t('publicVerify.proof')}
          </a>
        </li>
      </ul>
    </section>
  );
}

function History({ view }: { view: PublicCertificate }) {
  const { t } = useTranslation();
  return (
    <section className="pv-card" data-testid="certificate-history">
      <h2>{t('publicVerify.history')}</h2>
      <ol className="pv-history">
        {view.versions.map((v) => (
          <li key={`v${v.version}`} data-testid="history-version" data-status={v.status}>
            <span>{t('publicVerify.versionLine', { version: v.version, at: formatInstant(v.issuedAt) })}</span>{' '}
            <span className={`pv-status pv-status--${v.status}`}>{t(`certificateStatus.${v.status}`)}</span>
            {v.amendReason ? <div className="pv-muted">{t('publicVerify.amendReason', { reason: v.amendReason })}</div> : null}
          </li>
        ))}
      </ol>
      <ul className="pv-history pv-history--actions">
        {view.actions.map((a, i) => (
          <li key={i} data-testid="history-action" data-action={a.action}>
            {t('publicVerify.actionLine', { at: formatInstant(a.at), action: t(`publicVerify.action.${a.action}`), version: a.version })}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface LookupFormProps {
  readonly id: string;
  readonly label: string;
  readonly placeholder: string;
  readonly submitLabel: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error: string | null;
  readonly onSubmit: (event: FormEvent) => void;
  readonly inputProps: Pick<InputHTMLAttributes<HTMLInputElement>, 'autoCapitalize' | 'spellCheck' | 'inputMode'>;
  readonly testIds: { readonly input: string; readonly submit: string; readonly error?: string };
}

/** One labelled field with its submit button and its error line. */
function LookupForm({ id, label, placeholder, submitLabel, value, onChange, error, onSubmit, inputProps, testIds }: LookupFormProps) {
  return (
    <form onSubmit={onSubmit} className="pv-form" noValidate>
      <label htmlFor={id}>{label}</label>
      <div className="pv-form__row">
        <input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={placeholder}
          autoComplete="off"
          {...inputProps}
          aria-invalid={error ? true : undefined}
          data-testid={testIds.input}
        />
        <button type="submit" data-testid={testIds.submit}>
          {submitLabel}
        </button>
      </div>
      {error ? (
        <p className="pv-error" role="alert" data-testid={testIds.error}>
          {error}
        </p>
      ) : null}
    </form>
  );
}

function LookupForms() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [instrument, setInstrument] = useState('');
  const [textError, setTextError] = useState<string | null>(null);
  const [instrumentError, setInstrumentError] = useState<string | null>(null);

  const submitText = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (CERTIFICATE_NO.test(value.toUpperCase())) {
      setTextError(null);
      void navigate(certificateLinks.page(value.toUpperCase()));
      return;
    }
    try {
      const token = tokenFromQrText(value);
      setTextError(null);
      void navigate({ pathname: '/v', search: '', hash: tokenHash(token) });
    } catch {
      setTextError(t('publicVerify.lookupInvalid'));
    }
  };

  const submitInstrument = (event: FormEvent) => {
    event.preventDefault();
    const value = instrument.trim();
    if (!/^[1-9]\d{0,15}$/.test(value)) {
      setInstrumentError(t('publicVerify.instrumentInvalid'));
      return;
    }
    setInstrumentError(null);
    void navigate({ pathname: '/v', search: `?instrument=${value}`, hash: '' });
  };

  return (
    <section className="pv-card pv-no-print" data-testid="lookup">
      <h2>{t('publicVerify.lookupTitle')}</h2>
      <LookupForm
        id="pv-lookup-text"
        label={t('publicVerify.lookupLabel')}
        placeholder={t('publicVerify.lookupPlaceholder')}
        submitLabel={t('publicVerify.lookupSubmit')}
        value={text}
        onChange={setText}
        error={textError}
        onSubmit={submitText}
        inputProps={{ autoCapitalize: 'characters', spellCheck: false }}
        testIds={{ input: 'lookup-text', submit: 'lookup-submit', error: 'lookup-error' }}
      />
      <LookupForm
        id="pv-lookup-instrument"
        label={t('publicVerify.instrumentLabel')}
        placeholder={t('publicVerify.instrumentPlaceholder')}
        submitLabel={t('publicVerify.instrumentSubmit')}
        value={instrument}
        onChange={setInstrument}
        error={instrumentError}
        onSubmit={submitInstrument}
        inputProps={{ inputMode: 'numeric' }}
        testIds={{ input: 'lookup-instrument', submit: 'lookup-instrument-submit' }}
      />
    </section>
  );
}

function InstrumentCertificates({ instrumentId }: { instrumentId: number }) {
  const { t } = useTranslation();
  const lang = useLangCode();
  const [state, setState] = useState<{ loading: boolean; list: PublicCertificate[] | null }>({ loading: true, list: null });
  useEffect(() => {
    let cancelled = false;
    setState({ loading: true, list: null });
    certificatesOfInstrument(instrumentId).then(
      (list) => !cancelled && setState({ loading: false, list }),
      () => !cancelled && setState({ loading: false, list: null }),
    );
    return () => {
      cancelled = true;
    };
  }, [instrumentId]);
  return (
    <section className="pv-card" data-testid="instrument-certificates">
      <h2>{t('publicVerify.instrumentResults', { id: instrumentId })}</h2>
      {state.loading ? (
        <p className="pv-muted">{t('publicVerify.checking')}</p>
      ) : state.list === null ? (
        <p className="pv-error">{t('publicVerify.unreachable')}</p>
      ) : state.list.length === 0 ? (
        <p className="pv-muted" data-testid="instrument-none">
          {t('publicVerify.instrumentNone')}
        </p>
      ) : (
        <ul className="pv-results">
          {state.list.map((c) => (
            <li key={c.certificateNo} data-testid="instrument-certificate">
              <Link to={certificateLinks.page(c.certificateNo)}>{c.certificateNo}</Link>{' '}
              <span className={`pv-status pv-status--${c.status}`}>{t(`certificateStatus.${c.status}`)}</span>
              <div className="pv-muted">
                {t(`documentKind.${c.kind}`)} · {lang === 'en' ? c.instrument.categoryNameEn : c.instrument.categoryNameZh} · {c.instrument.serialNo} · {c.verifiedOn}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type RunState = { readonly status: 'idle' } | { readonly status: 'checking' } | { readonly status: 'done'; readonly outcome: VerificationOutcome } | { readonly status: 'failed'; readonly message: string };

export function VerifyPage() {
  const { t } = useTranslation();
  const params = useParams();
  const location = useLocation();
  const [attempt, setAttempt] = useState(0);
  const [run, setRun] = useState<RunState>({ status: 'idle' });

  const hasToken = location.hash.includes('JL1:');
  const input: VerificationInput | null = hasToken
    ? { qrText: `${window.location.origin}${location.pathname}${location.hash}` }
    : params.certificateNo
      ? { certificateNo: params.certificateNo }
      : null;
  const inputKey = input ? JSON.stringify(input) : '';
  const instrumentParam = new URLSearchParams(location.search).get('instrument');
  const instrumentId = instrumentParam && /^[1-9]\d{0,15}$/.test(instrumentParam) ? Number(instrumentParam) : null;

  useEffect(() => {
    document.title = `${t('publicVerify.title')} - ${t('app.title')}`;
  }, [t]);

  useEffect(() => {
    if (!inputKey) {
      setRun({ status: 'idle' });
      return;
    }
    let cancelled = false;
    setRun({ status: 'checking' });
    verifyCertificate(JSON.parse(inputKey) as VerificationInput).then(
      (outcome) => !cancelled && setRun({ status: 'done', outcome }),
      (error: unknown) => !cancelled && setRun({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [inputKey, attempt]);

  return (
    <div className="pv-page" data-testid="public-verify-page">
      <header className="pv-header">
        <div className="pv-brand">
          <span className="pv-brand__mark" aria-hidden>
            计
          </span>
          <span>
            <strong>{t('publicVerify.title')}</strong>
            <small>{t('app.brand')}</small>
          </span>
        </div>
        <LangToggle />
      </header>
      <main className="pv-main">
        {run.status === 'idle' && instrumentId === null ? <p className="pv-intro">{t('publicVerify.intro')}</p> : null}
        {run.status === 'checking' ? (
          <section className="pv-verdict pv-verdict--checking" data-testid="verdict-checking" aria-busy>
            <div className="pv-verdict__label">{t('publicVerify.checking')}</div>
          </section>
        ) : null}
        {run.status === 'failed' ? (
          <p className="pv-error" role="alert">
            {t('publicVerify.failed', { message: run.message })}
          </p>
        ) : null}
        {run.status === 'done' ? (
          <>
            <VerdictCard outcome={run.outcome} />
            {run.outcome.signature.state === 'unchecked' && run.outcome.signature.why === 'no_token' ? null : <SignatureLine outcome={run.outcome} />}
            <ModeNote outcome={run.outcome} />
            <Details outcome={run.outcome} />
            <div className="pv-actions pv-no-print">
              <button type="button" onClick={() => setAttempt((n) => n + 1)} data-testid="verify-again">
                {t('publicVerify.again')}
              </button>
            </div>
            {run.outcome.view && run.outcome.mode === 'online' ? <Downloads view={run.outcome.view} /> : null}
            {run.outcome.view ? <History view={run.outcome.view} /> : null}
          </>
        ) : null}
        {instrumentId !== null ? <InstrumentCertificates instrumentId={instrumentId} /> : null}
        <LookupForms />
      </main>
      <footer className="pv-footer">{t('app.footer')}</footer>
    </div>
  );
}
