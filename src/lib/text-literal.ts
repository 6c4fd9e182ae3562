// A small, safe reader for the Python-literal text columns of the Air Force dataset
// (`{'south': 30, 'north': NaN}`, `['Kyiv', 'Kyiv oblast']`). It understands dicts, lists,
// tuples, quoted strings, numbers, NaN/None/True/False and nothing else; it never evaluates code.

export type LiteralValue = string | number | boolean | null | LiteralValue[] | { [key: string]: LiteralValue };

export class LiteralSyntaxError extends Error {}

// Deeper nesting than this is not data the dataset produces; refusing it keeps the recursion bounded.
const MAX_DEPTH = 32;

/** Parses one literal; `NaN` and `None` read as null ("not given"). Throws LiteralSyntaxError. */
export function parseLiteral(text: string): LiteralValue {
  const reader = new Reader(text);
  reader.skipSpace();
  const value = reader.value(0);
  reader.skipSpace();
  if (!reader.atEnd()) reader.fail('unexpected text after the value');
  return value;
}

/** The strings of a list literal (`['Kyiv', 'Kyiv oblast']`); an empty cell is an empty list. */
export function parseStringList(text: string): string[] {
  if (text.trim() === '') return [];
  const value = parseLiteral(text);
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new LiteralSyntaxError('expected a list of strings');
  return value.map((v) => (v as string).trim());
}

/** A dict literal of numbers (`{'south': 30, 'east': NaN}`); NaN values read as null. */
export function parseNumberRecord(text: string): Record<string, number | null> {
  if (text.trim() === '') return {};
  const value = parseLiteral(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new LiteralSyntaxError('expected a dict');
  const out: Record<string, number | null> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v !== null && typeof v !== 'number') throw new LiteralSyntaxError(`expected a number for ${JSON.stringify(key)}`);
    out[key.trim()] = v;
  }
  return out;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/;
const WORDS: Record<string, LiteralValue> = { NaN: null, nan: null, None: null, True: true, False: false };

class Reader {
  private pos = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  fail(message: string): never {
    throw new LiteralSyntaxError(`${message} at offset ${this.pos}`);
  }

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos += 1;
  }

  value(depth: number): LiteralValue {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    const c = this.text[this.pos];
    if (c === '{') return this.dict(depth);
    if (c === '[') return this.sequence(depth, ']');
    if (c === '(') return this.sequence(depth, ')');
    if (c === "'" || c === '"') return this.string();
    const number = NUMBER.exec(this.text.slice(this.pos));
    if (number) {
      this.pos += number[0].length;
      return Number(number[0]);
    }
    const word = /^[A-Za-z]+/.exec(this.text.slice(this.pos))?.[0];
    if (word !== undefined && Object.hasOwn(WORDS, word)) {
      this.pos += word.length;
      return WORDS[word]!;
    }
    return this.fail(c === undefined ? 'unexpected end of text' : `unexpected ${JSON.stringify(c)}`);
  }

  private dict(depth: number): { [key: string]: LiteralValue } {
    this.pos += 1;
    // A null-prototype object, so a key such as "__proto__" is plain data.
    const out: { [key: string]: LiteralValue } = Object.create(null);
    this.items('}', () => {
      const key = this.value(depth + 1);
      if (typeof key !== 'string' && typeof key !== 'number') this.fail('a dict key must be a string or a number');
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail('expected ":"');
      this.pos += 1;
      this.skipSpace();
      out[String(key)] = this.value(depth + 1);
    });
    return out;
  }

  private sequence(depth: number, close: string): LiteralValue[] {
    this.pos += 1;
    const out: LiteralValue[] = [];
    this.items(close, () => out.push(this.value(depth + 1)));
    return out;
  }

  /** Comma-separated items up to `close`; a trailing comma is allowed, as in Python. */
  private items(close: string, item: () => void): void {
    this.skipSpace();
    while (this.text[this.pos] !== close) {
      if (this.atEnd()) this.fail(`expected "${close}"`);
      item();
      this.skipSpace();
      if (this.text[this.pos] === ',') {
        this.pos += 1;
        this.skipSpace();
      } else if (this.text[this.pos] !== close) {
        this.fail(`expected "," or "${close}"`);
      }
    }
    this.pos += 1;
  }

  private string(): string {
    const quote = this.text[this.pos]!;
    this.pos += 1;
    let out = '';
    while (true) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail('unterminated string');
      this.pos += 1;
      if (c === quote) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const escaped = this.text[this.pos];
      this.pos += 1;
      if (escaped === 'n') out += '\n';
      else if (escaped === 't') out += '\t';
      else if (escaped === 'u') {
        const hex = this.text.slice(this.pos, this.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 4;
      } else if (escaped === undefined) this.fail('unterminated string');
      else out += escaped;
    }
  }
}
