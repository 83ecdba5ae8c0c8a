// RFC 8785 JSON Canonicalization Scheme (JCS): the bytes the audit hash chain is computed over.
// Hand-written because it is the hot path of verify (a stock library halves verify throughput):
// one recursive pass, no entry arrays, key quoting cached, strings copied when nothing needs escaping.

/** A value JCS cannot represent (NaN, Infinity, a lone surrogate, a bigint, ...) and where it was. */
export class CanonicalJsonError extends Error {
  override name = 'CanonicalJsonError';
  /** JSONPath-like location, e.g. ["$", ".metadata", "[2]"]; grows as the error unwinds. */
  readonly path: string[] = ['$'];
  readonly reason: string;

  constructor(reason: string) {
    super(`cannot canonicalize $: ${reason}`);
    this.reason = reason;
  }

  within(segment: string): this {
    this.path.splice(1, 0, segment);
    this.message = `cannot canonicalize ${this.path.join('')}: ${this.reason}`;
    return this;
  }
}

/**
 * The JCS form of `value`: object members sorted by UTF-16 code units, numbers as ECMAScript
 * prints them, strings escaped as JSON.stringify does, no whitespace. Like JSON.stringify it
 * honours toJSON and drops object members whose value is undefined.
 */
export function canonicalJson(value: unknown): string {
  const text = serialize(value);
  if (text === undefined) throw new CanonicalJsonError('undefined has no JSON form');
  return text;
}

function serialize(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} is not a JSON number`);
      // ECMAScript Number::toString, which JCS adopts (-0 prints as "0", 1e21 as "1e+21").
      return `${value}`;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
        return serialize((value as { toJSON(): unknown }).toJSON());
      }
      return Array.isArray(value) ? serializeArray(value) : serializeObject(value as Record<string, unknown>);
    case 'undefined':
      return undefined;
    default:
      throw new CanonicalJsonError(`a ${typeof value} has no JSON form`);
  }
}

function serializeArray(items: unknown[]): string {
  let out = '[';
  let index = 0;
  try {
    for (; index < items.length; index++) {
      if (index > 0) out += ',';
      // As in JSON.stringify, an element with no JSON form is null.
      out += serialize(items[index]) ?? 'null';
    }
  } catch (error) {
    throw withPathSegment(error, `[${index}]`);
  }
  return `${out}]`;
}

function serializeObject(object: Record<string, unknown>): string {
  const keys = sortCodeUnits(Object.keys(object));
  let out = '{';
  let key = '';
  try {
    for (let index = 0; index < keys.length; index++) {
      key = keys[index]!;
      const member = serialize(object[key]);
      if (member === undefined) continue;
      out += `${out.length === 1 ? '' : ','}${quoteKey(key)}:${member}`;
    }
  } catch (error) {
    throw withPathSegment(error, `.${key}`);
  }
  return `${out}}`;
}

const smallSort = 32;

/** Sorts in place by UTF-16 code units; insertion sort for the usual handful of keys. */
function sortCodeUnits(keys: string[]): string[] {
  if (keys.length > smallSort) return keys.sort();
  for (let index = 1; index < keys.length; index++) {
    const key = keys[index]!;
    let at = index - 1;
    for (; at >= 0 && keys[at]! > key; at--) keys[at + 1] = keys[at]!;
    keys[at + 1] = key;
  }
  return keys;
}

/** Quoted keys by key: events repeat the same few dozen names. Bounded, as metadata keys are free-form. */
const quotedKeys = new Map<string, string>();
const quotedKeysLimit = 4096;

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = quote(key);
    if (quotedKeys.size >= quotedKeysLimit) quotedKeys.clear();
    quotedKeys.set(key, quoted);
  }
  return quoted;
}

// With the u flag a surrogate range matches only surrogates that are not part of a pair.
const loneSurrogate = /[\ud800-\udfff]/u;

/** Whether the text holds a surrogate that is not part of a pair (which UTF-8 cannot encode). */
export const hasLoneSurrogate = (text: string): boolean => loneSurrogate.test(text);

/** JSON string literal; only strings with a control character, quote, backslash or surrogate need JSON.stringify. */
function quote(text: string): string {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      if (hasLoneSurrogate(text)) throw new CanonicalJsonError('a string holds a lone surrogate, which is not valid Unicode');
      return JSON.stringify(text);
    }
  }
  return `"${text}"`;
}

function withPathSegment(error: unknown, segment: string): unknown {
  return error instanceof CanonicalJsonError ? error.within(segment) : error;
}
