const hidden = '[redacted]';

/** Names whose value is a secret wherever it is written as `name=value`, `name: value` or `"name": "value"`. */
const secretName = String.raw`[\w-]*(?:token|password|passwd|pwd|secret|api[_-]?key|access[_-]?key|private[_-]?key|credential|cookie|session[_-]?id)[\w-]*`;

/** A quoted string or an unquoted run up to a separator. */
const value = String.raw`("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s"',;&}\]]+)`;

/** A word that looks like a token rather than prose: 8+ characters, one of them a digit or punctuation. */
const tokenLike = String.raw`(?=[^\s"',;&}\]]*[\d_+/=.-])[^\s"',;&}\]]{8,}`;

const rules: Array<[RegExp, string]> = [
  // Authorization: Bearer …, Authorization=Basic …, "authorization": "…"
  [/(["']?\b(?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:(?:bearer|basic|token|digest)\s+)?[^\s"',;]+/gi, `$1${hidden}`],
  [new RegExp(String.raw`\b(bearer)\s+${tokenLike}`, 'gi'), `$1 ${hidden}`],
  // scheme://user:password@host and scheme://secret@host (redis://:pw@…, https://token@…)
  [/\b([a-z][\w+.-]*:\/\/)([^\s/:@]*):([^\s/@]+)@/gi, `$1$2:${hidden}@`],
  [/\b([a-z][\w+.-]*:\/\/)([^\s/:@]+)@/gi, `$1${hidden}@`],
  // password=…, ?access_token=…&, "token": "…", 'secret': '…'
  [new RegExp(String.raw`(\b${secretName}\s*=\s*)${value}`, 'gi'), `$1${hidden}`],
  [new RegExp(String.raw`(["']${secretName}["']\s*:\s*)${value}`, 'gi'), `$1${hidden}`],
  [new RegExp(String.raw`(\b${secretName}\s*:\s*)("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')`, 'gi'), `$1${hidden}`],
  // X-Api-Key: abc123…, token: opk_… (a token-like word, so that "token: the platform refused it" stays readable)
  [new RegExp(String.raw`(\b${secretName}\s*:\s*)${tokenLike}`, 'gi'), `$1${hidden}`],
];

/**
 * The text with every secret it may carry replaced by "[redacted]": credentials in URLs,
 * Authorization headers, bearer tokens, values of token- or password-named fields, and any of
 * the `known` secrets verbatim (the tokens and passwords this process holds).
 */
export function redactSecrets(text: string, known: Iterable<string> = []): string {
  let redacted = text;
  for (const secret of known) {
    if (secret.length >= 4) redacted = redacted.split(secret).join(hidden);
  }
  for (const [pattern, replacement] of rules) redacted = redacted.replace(pattern, replacement);
  return redacted;
}
