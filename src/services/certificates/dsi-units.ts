// Units as verification records write them (g, kPa, mg/L, km/h, m³/h, ℃, %) → D-SI 2.1.0 unit
// strings (\gram, \kilo\pascal, \milli\gram\litre\tothe{-1}, …) for the DCC export.
//
// D-SI takes the SI units, the SI prefixes, the non-SI units accepted for use with the SI (SI
// brochure, 9th ed., table 8: \minute \hour \day \degree \arcminute \arcsecond \hectare \litre
// \tonne \electronvolt \dalton \astronomicalunit \neper \bel \decibel) and \percent, \ppm and \one;
// powers are written \tothe{n}, a quotient as a negative power. So the litre needs no conversion:
// 1 L stays \litre (m³ is \metre\tothe{3}). Units outside that set that are still common in legal
// metrology (mmHg, bar) are given as an si:hybrid: the value converted to pascal first, then the
// value in the original unit. Anything the parser does not recognise (div, e, r/min, "binary" …)
// returns null and the caller writes the value as text.

export type DsiUnit =
  | { readonly kind: 'si'; readonly unit: string }
  /** Not an SI unit: `value × factor` in `siUnit`, alongside the value in `unit`. */
  | { readonly kind: 'hybrid'; readonly unit: string; readonly siUnit: string; readonly factor: number };

const PREFIXES: Readonly<Record<string, string>> = {
  Q: '\\quetta', R: '\\ronna', Y: '\\yotta', Z: '\\zetta', E: '\\exa', P: '\\peta', T: '\\tera', G: '\\giga', M: '\\mega',
  k: '\\kilo', h: '\\hecto', da: '\\deca', d: '\\deci', c: '\\centi', m: '\\milli', μ: '\\micro', n: '\\nano', p: '\\pico',
  f: '\\femto', a: '\\atto', z: '\\zepto', y: '\\yocto', r: '\\ronto', q: '\\quecto',
};

// Unit atoms that take SI prefixes.
const PREFIXABLE: Readonly<Record<string, string>> = {
  m: '\\metre', g: '\\gram', s: '\\second', A: '\\ampere', K: '\\kelvin', mol: '\\mole', cd: '\\candela',
  rad: '\\radian', sr: '\\steradian', Hz: '\\hertz', N: '\\newton', Pa: '\\pascal', J: '\\joule', W: '\\watt',
  C: '\\coulomb', V: '\\volt', F: '\\farad', Ω: '\\ohm', S: '\\siemens', Wb: '\\weber', T: '\\tesla', H: '\\henry',
  lm: '\\lumen', lx: '\\lux', Bq: '\\becquerel', Gy: '\\gray', Sv: '\\sievert', kat: '\\katal',
  L: '\\litre', l: '\\litre', eV: '\\electronvolt', B: '\\bel',
};

// Atoms used only as written (no prefix): matched before prefix + atom, so "min" is not milli-"in",
// "h" is the hour, "kg" the base unit \kilogram and "dB" the decibel.
const PLAIN: Readonly<Record<string, string>> = {
  kg: '\\kilogram', min: '\\minute', h: '\\hour', d: '\\day', '°': '\\degree', '′': '\\arcminute', '″': '\\arcsecond',
  ha: '\\hectare', t: '\\tonne', Da: '\\dalton', au: '\\astronomicalunit', Np: '\\neper', dB: '\\decibel',
  '°C': '\\degreecelsius', '%': '\\percent', ppm: '\\ppm', '1': '\\one',
};

// Whole units that are not SI and not accepted for use with it: converted to SI in an si:hybrid.
const HYBRID: Readonly<Record<string, { unit: string; siUnit: string; factor: number }>> = {
  mmHg: { unit: '\\mmHg', siUnit: '\\pascal', factor: 133.322387415 },
  bar: { unit: '\\bar', siUnit: '\\pascal', factor: 100_000 },
  mbar: { unit: '\\milli\\bar', siUnit: '\\pascal', factor: 100 },
};

const SUPERSCRIPTS: Readonly<Record<string, string>> = { '⁻': '-', '¹': '1', '²': '2', '³': '3', '⁴': '4' };

function atom(symbol: string): string | null {
  const plain = PLAIN[symbol] ?? PREFIXABLE[symbol];
  if (plain) return plain;
  for (const length of [2, 1]) {
    const prefix = PREFIXES[symbol.slice(0, length)];
    const rest = PREFIXABLE[symbol.slice(length)];
    if (prefix && rest && symbol.length > length) return prefix + rest;
  }
  return null;
}

// One factor: an atom with an optional power (m3, m^3, m³, s⁻¹, s^-1).
function factor(token: string, sign: 1 | -1): string | null {
  const normalized = token.replace(/[⁻¹²³⁴]/gu, (c) => SUPERSCRIPTS[c] ?? c);
  const match = /^(.*?)(?:\^?(-?\d+))?$/u.exec(normalized);
  if (!match) return null;
  const [, symbol = '', exponentText] = match;
  // "1" alone is \one; "m3" is m cubed, but a bare number otherwise is no unit.
  if (symbol === '' && exponentText === '1') return sign === 1 ? '' : null;
  const unit = atom(symbol);
  if (!unit) return null;
  const exponent = (exponentText === undefined ? 1 : Number(exponentText)) * sign;
  if (!Number.isInteger(exponent) || exponent === 0) return null;
  return exponent === 1 ? unit : `${unit}\\tothe{${exponent}}`;
}

/** The D-SI form of a unit as verification records write it, or null when it cannot be mapped. */
export function toDsiUnit(unit: string | undefined): DsiUnit | null {
  if (unit === undefined) return null;
  const text = unit
    .normalize('NFC')
    .trim()
    .replace(/℃/gu, '°C')
    .replace(/\u00B5/gu, '\u03BC'); // micro sign → Greek mu (NFC already maps the ohm sign to omega)
  if (text === '') return null;
  const hybrid = HYBRID[text];
  if (hybrid) return { kind: 'hybrid', ...hybrid };
  if (text === 'kWh') return { kind: 'si', unit: '\\kilo\\watt\\hour' };
  const parts = text.split('/');
  if (parts.length > 2) return null;
  const [numerator = '', denominator] = parts;
  const tokens = (part: string) => part.split(/\s*[·⋅*×.\s]\s*/u).filter((t) => t !== '');
  const out: string[] = [];
  const num = tokens(numerator);
  if (num.length === 0) return null;
  for (const token of num) {
    const f = factor(token, 1);
    if (f === null) return null;
    out.push(f);
  }
  if (denominator !== undefined) {
    const den = tokens(denominator);
    if (den.length === 0) return null;
    for (const token of den) {
      const f = factor(token, -1);
      if (f === null || f === '') return null;
      out.push(f);
    }
  }
  const joined = out.join('');
  // "1/min" leaves only the denominator; "1" alone is \one.
  return { kind: 'si', unit: joined === '' ? '\\one' : joined };
}

/** The mapping table the DCC export documents: common record units and their D-SI strings. */
export const DSI_EXAMPLES: readonly (readonly [string, string])[] = [
  ['g', '\\gram'],
  ['kg', '\\kilogram'],
  ['mg', '\\milli\\gram'],
  ['t', '\\tonne'],
  ['m', '\\metre'],
  ['mm', '\\milli\\metre'],
  ['km', '\\kilo\\metre'],
  ['L', '\\litre'],
  ['mL', '\\milli\\litre'],
  ['m³', '\\metre\\tothe{3}'],
  ['m³/h', '\\metre\\tothe{3}\\hour\\tothe{-1}'],
  ['L/min', '\\litre\\minute\\tothe{-1}'],
  ['kPa', '\\kilo\\pascal'],
  ['MPa', '\\mega\\pascal'],
  ['℃', '\\degreecelsius'],
  ['%', '\\percent'],
  ['mg/L', '\\milli\\gram\\litre\\tothe{-1}'],
  ['km/h', '\\kilo\\metre\\hour\\tothe{-1}'],
  ['s/d', '\\second\\day\\tothe{-1}'],
  ['dB', '\\decibel'],
  ['kWh', '\\kilo\\watt\\hour'],
  ['Ω', '\\ohm'],
  ['μA', '\\micro\\ampere'],
];
