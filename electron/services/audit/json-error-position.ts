/**
 * JSON.parse's message for `text`, with where it breaks when V8 does not say ("Unexpected token
 * 'x', ... is not valid JSON" and "Unexpected end of JSON input" name no position): in V8's own
 * words, "at position 12 (line 2 column 3)".
 */
export function jsonErrorMessage(text: string, error: Error): string {
  if (/ at position \d+/.test(error.message)) return error.message;
  const offset = jsonErrorOffset(text) ?? text.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${error.message} at position ${offset} (line ${line} column ${offset - before.lastIndexOf('\n')})`;
}

type State = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'after';

const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const escape = /["\\/bfnrtu]/;

/**
 * Where `text` stops being JSON (RFC 8259): the offset of the first character that cannot
 * continue it, its length when it ends early, null when it is JSON. A walk with a stack of its
 * own, as deep as the text nests.
 */
export function jsonErrorOffset(text: string): number | null {
  const open: string[] = [];
  let state: State = 'value';
  let at = 0;
  while (true) {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
    if (at === text.length) return state === 'after' && open.length === 0 ? null : at;
    const char = text[at]!;
    if (state === 'colon') {
      if (char !== ':') return at;
      at++;
      state = 'value';
    } else if (state === 'after') {
      const closer = open.at(-1) === '{' ? '}' : ']';
      if (open.length > 0 && char === ',') state = open.at(-1) === '{' ? 'key' : 'value';
      else if (open.length > 0 && char === closer) open.pop();
      else return at;
      at++;
    } else if ((state === 'valueOrClose' && char === ']') || (state === 'keyOrClose' && char === '}')) {
      open.pop();
      at++;
      state = 'after';
    } else if (state === 'key' || state === 'keyOrClose') {
      if (char !== '"') return at;
      at = stringEnd(text, at);
      if (at < 0) return -at - 1;
      state = 'colon';
    } else if (char === '{' || char === '[') {
      open.push(char);
      at++;
      state = char === '{' ? 'keyOrClose' : 'valueOrClose';
    } else {
      at = valueEnd(text, at);
      if (at < 0) return -at - 1;
      state = 'after';
    }
  }
}

/** The end of the string, number or literal at `start`, or -(offset + 1) of where it breaks. */
function valueEnd(text: string, start: number): number {
  if (text[start] === '"') return stringEnd(text, start);
  number.lastIndex = start;
  if (number.test(text)) return number.lastIndex;
  if (text[start] === '-') return -(start + 1) - 1;
  const literal = ['true', 'false', 'null'].find((word) => word[0] === text[start]);
  if (literal === undefined) return -start - 1;
  for (let index = 1; index < literal.length; index++) if (text[start + index] !== literal[index]) return -(start + index) - 1;
  return start + literal.length;
}

function stringEnd(text: string, start: number): number {
  for (let at = start + 1; at < text.length; at++) {
    const char = text[at]!;
    if (char === '"') return at + 1;
    if (char < ' ') return -at - 1;
    if (char !== '\\') continue;
    if (!escape.test(text[at + 1] ?? '')) return -(at + 1) - 1;
    if (text[at + 1] === 'u') {
      for (let hex = at + 2; hex < at + 6; hex++) if (!/[0-9a-fA-F]/.test(text[hex] ?? '')) return -hex - 1;
      at += 4;
    }
    at++;
  }
  return -text.length - 1;
}
