// The certificate as a PTB Digital Calibration Certificate (DCC) v3.2.0 with D-SI 2.1.0 quantities.
// It must validate against ../shared/testdata/dcc/dcc_3_2_0.xsd (DESIGN §5). Mapping:
//   administrativeData
//     dccSoftware            Jiliang and its release
//     coreData               CN; languages zh (mandatory) and en; uniqueIdentifier "<no>-v<version>";
//                            identifications: certificate no., verification record no., registry id;
//                            begin/endPerformanceDate = verifiedOn; performanceLocation from the place;
//                            issueDate = issuedAt as a China date
//     items/item             instrument: category name zh/en, catalogue class, manufacturer, model,
//                            identifications serial no. (manufacturer) and registry id (other)
//     calibrationLaboratory  institution (USCC as laboratory code)
//     respPersons            verifier, checker, approver (main signer), with their roles
//     customer               owner
//     statements             conformity (basic_conformity, pass/fail), valid-until (basic_recalibration),
//                            place, adjustment, amendment, revocation/superseded status, verify URL
//   measurementResults/measurementResult
//     usedMethods            the regulation; GUM (k = 2) when items carry an uncertainty; JCGM 106 when
//                            items carry a decision
//     measuringEquipments    the standards used (basic_normalUsed)
//     influenceConditions    temperature (\degreecelsius), relative humidity (\percent), other as text
//     results                one result per verification item: the error (basic_measurementError) as
//                            si:real with its expanded uncertainty, and a basic_conformity metaData with
//                            the verdict, the MPE as acceptance limits and pc / specific risk
// Units map to D-SI through dsi-units.ts; a unit it cannot map is written as text (dcc:noQuantity).
import { createRequire } from 'node:module';
import type { CertificateDocument, CertificateItem, CertificateParty } from '../../domain/certificates/certificate-document.ts';
import {
  chinaDate,
  conclusionText,
  COVERAGE_FACTOR,
  COVERAGE_PROBABILITY,
  expandedUncertainty,
  formatMpe,
  formatNumber,
  isIsoDate,
  itemAccepted,
  kindTitle,
  mpeBounds,
  sanitizeText,
  singleLine,
} from './certificate-text.ts';
import { toDsiUnit, type DsiUnit } from './dsi-units.ts';
import { el, serializeXml, type XmlChild, type XmlElement } from './xml.ts';

const DCC_NS = 'https://ptb.de/dcc';
const SI_NS = 'https://ptb.de/si';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

const RELEASE: string = (() => {
  try {
    const pkg = createRequire(import.meta.url)('../../../package.json') as { version?: unknown };
    return typeof pkg.version === 'string' && pkg.version.trim() !== '' ? pkg.version.trim() : '0.0.0';
  } catch {
    return '0.0.0';
  }
})();

type Lang = 'zh' | 'en';
type Texts = Partial<Record<Lang, string>>;

/** A dcc:textType / richContentType body: one dcc:content per language that has text. */
function contents(texts: Texts | string): XmlElement[] {
  if (typeof texts === 'string') return [el('dcc:content', null, sanitizeText(texts))];
  const out: XmlElement[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const text = texts[lang];
    if (text !== undefined) out.push(el('dcc:content', { lang }, sanitizeText(text)));
  }
  if (out.length === 0) out.push(el('dcc:content', null, ''));
  return out;
}

function text(name: string, texts: Texts | string, attrs: Record<string, string | undefined> | null = null): XmlElement {
  return el(name, attrs, contents(texts));
}

/** XSD notEmptyStringType: no leading/trailing whitespace, at least one character; null when nothing is left. */
function notEmpty(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = singleLine(value);
  return cleaned === '' ? null : cleaned;
}

function optional(name: string, value: string | null | undefined): XmlElement | null {
  const v = notEmpty(value);
  return v === null ? null : el(name, null, v);
}

/** si:decimalType: finite numbers only; JavaScript's "1e-7" / "1.5e+21" match the pattern. */
function decimal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(Number(value.toPrecision(15)));
}

function identification(issuer: 'manufacturer' | 'calibrationLaboratory' | 'customer' | 'owner' | 'other', value: string | null, name: Texts): XmlElement | null {
  const v = notEmpty(value);
  if (v === null) return null;
  return el('dcc:identification', null, el('dcc:issuer', null, issuer), el('dcc:value', null, v), text('dcc:name', name));
}

function location(party: CertificateParty): XmlElement {
  const further: Texts[] = [];
  const address = notEmpty(party.address);
  if (address) further.push({ zh: address });
  const uscc = notEmpty(party.uscc);
  if (uscc) further.push({ zh: `统一社会信用代码 ${uscc}`, en: `Unified social credit code ${uscc}` });
  const district = notEmpty(party.districtCode);
  if (district) further.push({ zh: `行政区划代码（GB/T 2260）${district}`, en: `Division code (GB/T 2260) ${district}` });
  return el(
    'dcc:location',
    null,
    el('dcc:countryCode', null, 'CN'),
    further.map((t) => text('dcc:further', t)),
  );
}

function contact(party: CertificateParty): XmlElement[] {
  return [text('dcc:name', { zh: singleLine(party.name) }), location(party)];
}

/** Where the verification took place, as the schema's closed list allows. */
function performanceLocation(doc: CertificateDocument): string {
  const place = singleLine(doc.place);
  if (/现场|客户|用户|使用单位|on[- ]?site|customer/iu.test(place)) return 'customer';
  if (/实验室|本院|本所|本中心|检定室|laboratory|lab\b/iu.test(place)) return 'laboratory';
  const lab = notEmpty(doc.institution.address);
  if (lab && place.includes(lab)) return 'laboratory';
  const owner = notEmpty(doc.owner.address);
  if (owner && place.includes(owner)) return 'customer';
  return 'other';
}

function real(value: number, unit: string, uncertainty: number | null): XmlElement {
  return el(
    'si:real',
    null,
    el('si:value', null, decimal(value)),
    el('si:unit', null, unit),
    uncertainty === null
      ? null
      : el(
          'si:expandedUnc',
          null,
          el('si:uncertainty', null, decimal(uncertainty)),
          el('si:coverageFactor', null, String(COVERAGE_FACTOR)),
          el('si:coverageProbability', null, String(COVERAGE_PROBABILITY)),
          el('si:distribution', null, 'normal'),
        ),
  );
}

/**
 * The D-SI element for a value in a record unit: si:real for a D-SI unit, si:hybrid (SI first) for
 * mmHg/bar, and dcc:noQuantity text for anything else or for a non-finite value.
 */
function quantityValue(value: number, unitText: string | undefined, dsi: DsiUnit | null, uncertainty: number | null): XmlElement {
  if (!Number.isFinite(value) || dsi === null) {
    const unit = unitText === undefined ? '' : ` ${singleLine(unitText)}`;
    const u = uncertainty === null ? '' : `, U = ${formatNumber(uncertainty)}${unit} (k = ${COVERAGE_FACTOR})`;
    return el('dcc:noQuantity', null, el('dcc:content', null, `${formatNumber(value)}${unit}${u}`));
  }
  if (dsi.kind === 'si') return real(value, dsi.unit, uncertainty);
  return el(
    'si:hybrid',
    null,
    real(value * dsi.factor, dsi.siUnit, uncertainty === null ? null : uncertainty * dsi.factor),
    real(value, dsi.unit, uncertainty),
  );
}

function quantity(refType: string | undefined, name: Texts, value: XmlElement, ...rest: XmlChild[]): XmlElement {
  return el('dcc:quantity', { refType }, text('dcc:name', name), value, rest);
}

function probability(name: Texts, p: number | undefined): XmlElement | null {
  if (p === undefined || !Number.isFinite(p)) return null;
  return quantity(undefined, name, real(p, '\\one', null));
}

function itemResult(item: CertificateItem, index: number): XmlElement {
  const dsi = toDsiUnit(item.unit);
  const bounds = mpeBounds(item.mpe);
  const accepted = itemAccepted(item);
  const decision = item.decision;
  const unit = item.unit === undefined ? '' : ` ${singleLine(item.unit)}`;
  const declaration: Texts = {
    zh: `最大允许误差 ${formatMpe(item.mpe)}${unit}；${accepted ? '合格' : '不合格'}${decision ? `（判定规则 ${singleLine(decision.rule)}）` : ''}`,
    en: `Maximum permissible error ${formatMpe(item.mpe)}${unit}; ${accepted ? 'pass' : 'fail'}${decision ? ` (decision rule ${singleLine(decision.rule)})` : ''}`,
  };
  const conformity = el(
    'dcc:metaData',
    { refType: 'basic_conformity' },
    text('dcc:declaration', declaration),
    el('dcc:conformity', null, accepted ? 'pass' : 'fail'),
    el(
      'dcc:data',
      null,
      quantity('basic_acceptanceLimitLower', { zh: '最大允许误差下限', en: 'Lower acceptance limit (MPE)' }, quantityValue(bounds.lower, item.unit, dsi, null)),
      quantity('basic_acceptanceLimitUpper', { zh: '最大允许误差上限', en: 'Upper acceptance limit (MPE)' }, quantityValue(bounds.upper, item.unit, dsi, null)),
      probability({ zh: '符合概率 pc', en: 'Probability of conformity pc' }, decision?.pc),
      probability({ zh: '特定风险', en: 'Specific risk' }, decision?.specificRisk),
    ),
  );
  const nominal =
    item.nominal !== undefined && Number.isFinite(item.nominal)
      ? quantity(undefined, { zh: '检定点（标称值）', en: 'Nominal value' }, el('dcc:noQuantity', null, el('dcc:content', null, formatNumber(item.nominal))))
      : null;
  return el(
    'dcc:result',
    { id: `item-${index + 1}` },
    text('dcc:name', { zh: singleLine(item.name) || `检定项目 ${index + 1}` }),
    el(
      'dcc:data',
      null,
      nominal,
      quantity(
        'basic_measurementError',
        { zh: '示值误差', en: 'Error of indication' },
        quantityValue(item.error, item.unit, dsi, expandedUncertainty(item)),
        el('dcc:measurementMetaData', null, conformity),
      ),
    ),
  );
}

function statements(doc: CertificateDocument): XmlElement {
  const conclusion = conclusionText(doc);
  const title = kindTitle(doc.kind);
  const list: XmlElement[] = [
    el(
      'dcc:statement',
      { refType: 'basic_conformity' },
      optional('dcc:norm', doc.regulation),
      text('dcc:declaration', { zh: `${title.zh}检定结论：${conclusion.zh}`, en: `${title.en} — conclusion: ${conclusion.en}` }),
      el('dcc:respAuthority', null, contact(doc.institution)),
      el('dcc:conformity', null, doc.conclusion === 'pass' ? 'pass' : 'fail'),
    ),
  ];
  if (doc.kind === 'certificate' && doc.validUntil !== null && isIsoDate(doc.validUntil)) {
    list.push(
      el('dcc:statement', { refType: 'basic_recalibration' }, text('dcc:declaration', { zh: '有效期至', en: 'Valid until' }), el('dcc:date', null, doc.validUntil)),
    );
  }
  const place = notEmpty(doc.place);
  if (place) {
    list.push(el('dcc:statement', null, text('dcc:declaration', { zh: '检定地点', en: 'Place of verification' }), el('dcc:location', null, text('dcc:further', { zh: place }))));
  }
  list.push(
    el(
      'dcc:statement',
      null,
      text('dcc:declaration', doc.adjusted ? { zh: '被检器具在检定中经过调整。', en: 'The instrument was adjusted during verification.' } : { zh: '被检器具未经调整。', en: 'The instrument was not adjusted.' }),
    ),
  );
  if (doc.supersedes) {
    const reason = singleLine(doc.supersedes.reason);
    list.push(
      el(
        'dcc:statement',
        null,
        text('dcc:declaration', {
          zh: `本版本（第 ${doc.version} 版）替代第 ${doc.supersedes.version} 版。原因：${reason}`,
          en: `This version (${doc.version}) supersedes version ${doc.supersedes.version}. Reason: ${reason}`,
        }),
      ),
    );
  }
  if (doc.revocation) {
    const reason = singleLine(doc.revocation.reason);
    list.push(
      el(
        'dcc:statement',
        null,
        text('dcc:declaration', { zh: `本证书已作废。原因：${reason}`, en: `This certificate has been revoked. Reason: ${reason}` }),
        el('dcc:valid', null, 'false'),
        el('dcc:date', null, chinaDate(doc.revocation.at)),
      ),
    );
  } else if (doc.status === 'superseded') {
    list.push(el('dcc:statement', null, text('dcc:declaration', { zh: '本版本已被新版本替代。', en: 'This version has been superseded by a newer version.' }), el('dcc:valid', null, 'false')));
  }
  const url = notEmpty(doc.verifyUrl);
  if (url) {
    list.push(el('dcc:statement', null, text('dcc:declaration', { zh: `在线核验：${url}`, en: `Verify online: ${url}` }), el('dcc:reference', null, url)));
  }
  return el('dcc:statements', null, list.map(reorderStatement));
}

// statementMetaDataType is a sequence: name, description, countryCode, convention, traceable, norm,
// reference, declaration, valid, date, period, respAuthority, conformity, data, nonSIDefinition,
// nonSIUnit, location. Statements are built by meaning; this puts their children in schema order.
const STATEMENT_ORDER = ['dcc:name', 'dcc:description', 'dcc:countryCodeISO3166_1', 'dcc:convention', 'dcc:traceable', 'dcc:norm', 'dcc:reference', 'dcc:declaration', 'dcc:valid', 'dcc:date', 'dcc:period', 'dcc:respAuthority', 'dcc:conformity', 'dcc:data', 'dcc:nonSIDefinition', 'dcc:nonSIUnit', 'dcc:location'];

function reorderStatement(statement: XmlElement): XmlElement {
  const rank = (c: XmlElement | string) => (typeof c === 'string' ? -1 : STATEMENT_ORDER.indexOf(c.name));
  return { ...statement, children: [...statement.children].sort((a, b) => rank(a) - rank(b)) };
}

function item(doc: CertificateDocument): XmlElement {
  const i = doc.instrument;
  const description: Texts[] = [];
  const cls = notEmpty(i.accuracyClass);
  if (cls) description.push({ zh: `准确度等级：${cls}`, en: `Accuracy class: ${cls}` });
  const range = notEmpty(i.measuringRange);
  if (range) description.push({ zh: `测量范围：${range}`, en: `Measuring range: ${range}` });
  const categoryCode = notEmpty(i.categoryCode);
  return el(
    'dcc:item',
    null,
    text('dcc:name', { zh: singleLine(i.categoryNameZh), en: singleLine(i.categoryNameEn) }),
    categoryCode
      ? el('dcc:equipmentClass', null, el('dcc:reference', null, 'SAMR compulsory verification catalogue (2019 No. 48, 2020 No. 42)'), el('dcc:classID', null, categoryCode))
      : null,
    description.length > 0 ? el('dcc:description', null, description.map(contents)) : null,
    el('dcc:manufacturer', null, text('dcc:name', { zh: singleLine(i.manufacturer) })),
    optional('dcc:model', i.model),
    el(
      'dcc:identifications',
      null,
      identification('manufacturer', i.serialNo, { zh: '出厂编号', en: 'Serial number' }),
      identification('other', String(i.id), { zh: '计量器具登记编号', en: 'Instrument registry id' }),
    ),
  );
}

function measurementResult(doc: CertificateDocument): XmlElement {
  const methods: XmlElement[] = [
    el(
      'dcc:usedMethod',
      null,
      text('dcc:name', { zh: `检定依据：${singleLine(doc.regulation)}`, en: `Verification regulation: ${singleLine(doc.regulation)}` }),
      optional('dcc:norm', doc.regulation),
    ),
  ];
  if (doc.items.some((i) => expandedUncertainty(i) !== null)) {
    methods.push(
      el(
        'dcc:usedMethod',
        { refType: 'basic_uncertainty' },
        text('dcc:name', { zh: '扩展不确定度', en: 'Expanded uncertainty' }),
        text('dcc:description', {
          zh: `扩展不确定度 U 由标准不确定度乘以包含因子 k = ${COVERAGE_FACTOR} 得到，包含概率约为 95 %。`,
          en: `The expanded uncertainty U is the standard uncertainty multiplied by the coverage factor k = ${COVERAGE_FACTOR}, for a coverage probability of approximately 95 %.`,
        }),
        el('dcc:norm', null, 'JCGM 100:2008 (GUM)'),
        el('dcc:norm', null, 'JJF 1059.1-2012'),
      ),
    );
  }
  if (doc.items.some((i) => i.decision !== undefined)) {
    methods.push(el('dcc:usedMethod', null, text('dcc:name', { zh: '符合性判定规则', en: 'Decision rule for conformity' }), el('dcc:norm', null, 'JCGM 106:2012')));
  }
  const standards = doc.standards.map((s, index) => {
    const facts: Texts[] = [];
    const range = notEmpty(s.measuringRange);
    if (range) facts.push({ zh: `测量范围：${range}`, en: `Measuring range: ${range}` });
    const unc = notEmpty(s.uncertainty);
    if (unc) facts.push({ zh: `不确定度/准确度等级/最大允许误差：${unc}`, en: `Uncertainty / accuracy class / MPE: ${unc}` });
    const until = notEmpty(s.validUntil);
    if (until) facts.push({ zh: `证书有效期至：${until}`, en: `Certificate valid until: ${until}` });
    const certificate = identification('other', s.certificateNo ?? null, { zh: '计量标准证书编号', en: 'Standard certificate number' });
    return el(
      'dcc:measuringEquipment',
      { refType: 'basic_normalUsed' },
      text('dcc:name', { zh: singleLine(s.name) || `计量标准 ${index + 1}` }),
      facts.length > 0 ? el('dcc:description', null, facts.map(contents)) : null,
      certificate ? el('dcc:identifications', null, certificate) : null,
    );
  });
  const env = doc.environment;
  const conditions: XmlElement[] = [];
  if (env.temperatureC !== undefined && Number.isFinite(env.temperatureC)) {
    conditions.push(
      el(
        'dcc:influenceCondition',
        { refType: 'basic_temperature' },
        text('dcc:name', { zh: '环境温度', en: 'Ambient temperature' }),
        el('dcc:data', null, quantity(undefined, { zh: '温度', en: 'Temperature' }, real(env.temperatureC, '\\degreecelsius', null))),
      ),
    );
  }
  if (env.humidityPct !== undefined && Number.isFinite(env.humidityPct)) {
    conditions.push(
      el(
        'dcc:influenceCondition',
        { refType: 'basic_humidityRelative' },
        text('dcc:name', { zh: '相对湿度', en: 'Relative humidity' }),
        el('dcc:data', null, quantity(undefined, { zh: '相对湿度', en: 'Relative humidity' }, real(env.humidityPct, '\\percent', null))),
      ),
    );
  }
  const other = notEmpty(env.other);
  if (other) {
    conditions.push(
      el('dcc:influenceCondition', null, text('dcc:name', { zh: '其他环境条件', en: 'Other conditions' }), el('dcc:data', null, el('dcc:text', null, el('dcc:content', { lang: 'zh' }, other)))),
    );
  }
  const results =
    doc.items.length > 0
      ? doc.items.map(itemResult)
      : [el('dcc:result', null, text('dcc:name', { zh: '检定结果', en: 'Results' }), el('dcc:data', null, el('dcc:text', null, contents({ zh: '无检定项目', en: 'No verification items' }))))];
  return el(
    'dcc:measurementResult',
    null,
    text('dcc:name', { zh: '检定结果', en: 'Verification results' }),
    el('dcc:usedMethods', null, methods),
    standards.length > 0 ? el('dcc:measuringEquipments', null, standards) : null,
    conditions.length > 0 ? el('dcc:influenceConditions', null, conditions) : null,
    el('dcc:results', null, results),
  );
}

/** The certificate as DCC v3.2.0 XML (UTF-8 text). Throws when verifiedOn is not an ISO date. */
export function renderCertificateDcc(doc: CertificateDocument): string {
  if (!isIsoDate(doc.verifiedOn)) throw new Error(`verifiedOn is not an ISO date: ${JSON.stringify(doc.verifiedOn)}`);
  const no = notEmpty(doc.certificateNo);
  if (no === null) throw new Error('certificateNo is empty');
  const title = kindTitle(doc.kind);
  const respPersons = [
    { name: doc.verifier, role: '检定员 Verifier', main: false },
    { name: doc.checker, role: '核验员 Checker', main: false },
    { name: doc.approver, role: '批准人 Approver', main: true },
  ].map((p) =>
    el('dcc:respPerson', null, el('dcc:person', null, text('dcc:name', { zh: singleLine(p.name) })), el('dcc:role', null, p.role), el('dcc:mainSigner', null, String(p.main))),
  );
  const uscc = notEmpty(doc.institution.uscc);
  const root = el(
    'dcc:digitalCalibrationCertificate',
    { 'xmlns:dcc': DCC_NS, 'xmlns:si': SI_NS, 'xmlns:xsi': XSI_NS, schemaVersion: '3.2.0', 'xsi:schemaLocation': `${DCC_NS} https://ptb.de/dcc/v3.2.0/dcc.xsd` },
    el(
      'dcc:administrativeData',
      null,
      el(
        'dcc:dccSoftware',
        null,
        el('dcc:software', null, text('dcc:name', 'Jiliang'), el('dcc:release', null, RELEASE), el('dcc:type', null, 'application')),
      ),
      el(
        'dcc:coreData',
        null,
        el('dcc:countryCodeISO3166_1', null, 'CN'),
        el('dcc:usedLangCodeISO639_1', null, 'zh'),
        el('dcc:usedLangCodeISO639_1', null, 'en'),
        el('dcc:mandatoryLangCodeISO639_1', null, 'zh'),
        el('dcc:uniqueIdentifier', null, `${no}-v${doc.version}`),
        el(
          'dcc:identifications',
          null,
          identification('calibrationLaboratory', no, { zh: `${title.zh}编号`, en: `${title.en} number` }),
          identification('calibrationLaboratory', String(doc.verificationId), { zh: '检定记录号', en: 'Verification record number' }),
          identification('other', String(doc.instrument.id), { zh: '计量器具登记编号', en: 'Instrument registry id' }),
        ),
        el('dcc:beginPerformanceDate', null, doc.verifiedOn),
        el('dcc:endPerformanceDate', null, doc.verifiedOn),
        el('dcc:performanceLocation', null, performanceLocation(doc)),
        el('dcc:issueDate', null, chinaDate(doc.issuedAt)),
      ),
      el('dcc:items', null, item(doc)),
      el('dcc:calibrationLaboratory', null, uscc ? el('dcc:calibrationLaboratoryCode', null, uscc) : null, el('dcc:contact', null, contact(doc.institution))),
      el('dcc:respPersons', null, respPersons),
      el('dcc:customer', null, contact(doc.owner)),
      statements(doc),
    ),
    el('dcc:measurementResults', null, measurementResult(doc)),
  );
  return serializeXml(root);
}
