// The byte-level half of the OBJ reader: a cursor over the file's bytes that reads numbers, face corners and
// names in place, without a string per line or per token (parse-obj.ts drives it statement by statement).
// Decimal numbers take Clinger's exact fast path (an integer mantissa of at most 15 digits divided by a power of
// ten up to 10^22 is one correctly rounded division, so the result is exactly parseFloat's); anything else
// (exponents, longer mantissas, "nan") goes to parseFloat, so every value equals what parseFloat reads.

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const VERTICAL_TAB = 0x0b;
const FORM_FEED = 0x0c;
const BACKSLASH = 0x5c;
const HASH = 0x23;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
export const SLASH = 0x2f;
const ZERO = 0x30;
const NINE = 0x39;

/** Mantissas up to this many significant digits stay below 2^53, so they are exact doubles. */
const MAX_FAST_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, exponent) => 10 ** exponent);
const UTF8 = new TextDecoder('utf-8');

export class ObjLineScanner {
  at = 0;
  /** 1-based line of `at`, for error messages. */
  line = 1;

  constructor(readonly bytes: Uint8Array) {}

  /** Skips spaces and tabs, and line continuations (a backslash that ends a line). */
  skipBlanks(): void {
    const bytes = this.bytes;
    let at = this.at;
    for (;;) {
      const code = bytes[at];
      if (code === SPACE || code === TAB || code === CARRIAGE_RETURN || code === VERTICAL_TAB || code === FORM_FEED)
        at++;
      else if (code === BACKSLASH && bytes[at + 1] === NEWLINE) {
        at += 2;
        this.line++;
      } else if (code === BACKSLASH && bytes[at + 1] === CARRIAGE_RETURN && bytes[at + 2] === NEWLINE) {
        at += 3;
        this.line++;
      } else break;
    }
    this.at = at;
  }

  /** After skipBlanks: whether the statement has ended (end of line or file, or a trailing comment). */
  atStatementEnd(): boolean {
    const code = this.bytes[this.at];
    return code === NEWLINE || code === HASH || code === undefined;
  }

  /** Moves past the end of the current line. */
  nextLine(): void {
    const end = this.bytes.indexOf(NEWLINE, this.at);
    this.at = end < 0 ? this.bytes.length : end + 1;
    this.line++;
  }

  /** Whether the bytes at the cursor spell `keyword` followed by a blank or the end of the line. */
  startsWithKeyword(keyword: string): boolean {
    const bytes = this.bytes;
    for (let index = 0; index < keyword.length; index++) {
      if (bytes[this.at + index] !== keyword.charCodeAt(index)) return false;
    }
    return isSeparator(bytes[this.at + keyword.length]);
  }

  /** The next blank-separated number, as parseFloat reads it; NaN when the statement has no more tokens. */
  float(): number {
    this.skipBlanks();
    if (this.atStatementEnd()) return Number.NaN;
    const bytes = this.bytes;
    const start = this.at;
    let at = start;
    let code = bytes[at];
    const negative = code === MINUS;
    if (negative || code === PLUS) code = bytes[++at];
    let mantissa = 0;
    let digits = 0;
    let exponent = 0;
    let sawDigit = false;
    let exact = true;
    while (code >= ZERO && code <= NINE) {
      sawDigit = true;
      if (mantissa !== 0 || code !== ZERO) {
        if (++digits > MAX_FAST_DIGITS) exact = false;
        mantissa = mantissa * 10 + (code - ZERO);
      }
      code = bytes[++at];
    }
    if (code === DOT) {
      code = bytes[++at];
      while (code >= ZERO && code <= NINE) {
        sawDigit = true;
        if (mantissa !== 0 || code !== ZERO) {
          if (++digits > MAX_FAST_DIGITS) exact = false;
          mantissa = mantissa * 10 + (code - ZERO);
        }
        exponent++;
        code = bytes[++at];
      }
    }
    if (exact && sawDigit && exponent < POWERS_OF_TEN.length && isSeparator(code)) {
      this.at = at;
      const value = exponent === 0 ? mantissa : mantissa / POWERS_OF_TEN[exponent];
      return negative ? -value : value;
    }
    this.at = start;
    return Number.parseFloat(this.token());
  }

  /**
   * The next integer, for a face corner's index: 0 when there are no digits here (an absent `vt` in `1//3`),
   * NaN when the characters are not an index.
   */
  integer(): number {
    const bytes = this.bytes;
    let at = this.at;
    let code = bytes[at];
    const negative = code === MINUS;
    if (negative || code === PLUS) code = bytes[++at];
    let value = 0;
    let digits = 0;
    while (code >= ZERO && code <= NINE) {
      value = value * 10 + (code - ZERO);
      digits++;
      code = bytes[++at];
    }
    this.at = at;
    if (digits === 0) return negative ? Number.NaN : 0;
    return negative ? -value : value;
  }

  /** The byte at the cursor (undefined at the end of the file). */
  peek(): number | undefined {
    return this.bytes[this.at];
  }

  advance(): void {
    this.at++;
  }

  /** The rest of the statement, trimmed, as UTF-8 text (an object, group or material name). */
  restOfLine(): string {
    this.skipBlanks();
    const bytes = this.bytes;
    let end = bytes.indexOf(NEWLINE, this.at);
    if (end < 0) end = bytes.length;
    let last = end;
    while (last > this.at && isBlank(bytes[last - 1])) last--;
    const text = UTF8.decode(bytes.subarray(this.at, last));
    this.at = end;
    return text;
  }

  /** The blank-separated token at the cursor, as text (for the slow number path and error messages). */
  token(): string {
    const bytes = this.bytes;
    const start = this.at;
    let at = start;
    while (!isSeparator(bytes[at])) at++;
    this.at = at;
    return UTF8.decode(bytes.subarray(start, at));
  }
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === CARRIAGE_RETURN || code === VERTICAL_TAB || code === FORM_FEED;
}

/** Ends a token: a blank, the end of the line or file, or a comment. */
export function isSeparator(code: number | undefined): boolean {
  return code === undefined || code === NEWLINE || code === HASH || code === BACKSLASH || isBlank(code);
}
