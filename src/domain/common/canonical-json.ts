// RFC 8785 (JCS) canonical JSON: the one byte string that is hashed or signed for a JSON value,
// so a verifier re-serializing the same value gets the same bytes.
import canonicalizeModule from 'canonicalize';

// The package is CommonJS with an ESM-style type declaration; at run time the default import is the function.
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined;

/** Canonical JSON text of a JSON value; throws on values JSON cannot hold (undefined, NaN, Infinity). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON representation');
  return text;
}
