// The byte writer behind write-obj.ts: ASCII straight into a growing buffer, handed out in pieces. Written by hand
// because no library formats tens of millions of OBJ numbers fast enough (see the class comment).

const UTF8 = new TextEncoder();
export const SLASH = 0x2f;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
export const LETTER_F = 0x66;

/**
 * Writes ASCII straight into a growing byte buffer. Formatting numbers ourselves (fixed point, six decimals,
 * trailing zeros dropped) is several times faster than String(number) and template strings for the
 * millions of numbers a large OBJ holds.
 */
export class AsciiWriter {
  private bytes: Uint8Array;
  private length = 0;
  private readonly digits = new Uint8Array(24);

  constructor(
    private readonly initialBytes: number,
    private readonly chunkBytes: number,
    private readonly onChunk: (chunk: Uint8Array) => void,
  ) {
    this.bytes = new Uint8Array(Math.max(1024, initialBytes));
  }

  /** Hands the text written so far to onChunk once it reaches chunkBytes, and continues in a fresh buffer. */
  handOffIfFull(): void {
    if (this.length < this.chunkBytes) return;
    this.onChunk(this.bytes.subarray(0, this.length));
    // Not zero-filled: every byte handed out is written first.
    this.bytes = Buffer.allocUnsafeSlow(Math.max(1024, this.initialBytes));
    this.length = 0;
  }

  text(value: string): void {
    this.reserve(value.length * 3);
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index);
      if (code >= 0x80) {
        this.length += UTF8.encodeInto(value.slice(index), this.bytes.subarray(this.length)).written;
        return;
      }
      this.bytes[this.length++] = code;
    }
  }

  byte(value: number): void {
    this.reserve(1);
    this.bytes[this.length++] = value;
  }

  space(): void {
    this.byte(SPACE);
  }

  newline(): void {
    this.byte(NEWLINE);
  }

  /** A non-negative integer below 2^53. */
  integer(value: number): void {
    let count = 0;
    do {
      const quotient = Math.floor(value / 10);
      this.digits[count++] = ZERO + (value - quotient * 10);
      value = quotient;
    } while (value > 0);
    this.reserve(count);
    while (count > 0) this.bytes[this.length++] = this.digits[--count];
  }

  /** `value<separator>value<separator>value`, the digits formatted once (an OBJ face corner `v/vt/vn`). */
  integerTimesThree(value: number, separator: number): void {
    let count = 0;
    const small = value < 0x7fffffff;
    do {
      const quotient = small ? (value / 10) | 0 : Math.floor(value / 10);
      this.digits[count++] = ZERO + (value - quotient * 10);
      value = quotient;
    } while (value > 0);
    this.reserve(count * 3 + 2);
    const bytes = this.bytes;
    let at = this.length;
    for (let copy = 0; copy < 3; copy++) {
      if (copy > 0) bytes[at++] = separator;
      for (let digit = count - 1; digit >= 0; digit--) bytes[at++] = this.digits[digit];
    }
    this.length = at;
  }

  /**
   * The line `f a/a/a b/b/b c/c/c\n`: most of a large textured OBJ's faces, written into one reserved stretch of the
   * buffer (twice as fast as a call per corner, each reserving on its own).
   */
  triangleOfSameCorners(a: number, b: number, c: number): void {
    if (!(a < 0x7fffffff && b < 0x7fffffff && c < 0x7fffffff)) {
      this.byte(LETTER_F);
      for (const value of [a, b, c]) {
        this.space();
        this.integerTimesThree(value, SLASH);
      }
      this.newline();
      return;
    }
    this.reserve(3 * (3 * 10 + 3) + 2);
    const bytes = this.bytes;
    const digits = this.digits;
    let at = this.length;
    bytes[at++] = LETTER_F;
    for (let corner = 0; corner < 3; corner++) {
      let value = corner === 0 ? a : corner === 1 ? b : c;
      let count = 0;
      do {
        const quotient = (value / 10) | 0;
        digits[count++] = ZERO + value - quotient * 10;
        value = quotient;
      } while (value > 0);
      bytes[at++] = SPACE;
      for (let digit = count - 1; digit >= 0; digit--) bytes[at++] = digits[digit];
      bytes[at++] = SLASH;
      for (let digit = count - 1; digit >= 0; digit--) bytes[at++] = digits[digit];
      bytes[at++] = SLASH;
      for (let digit = count - 1; digit >= 0; digit--) bytes[at++] = digits[digit];
    }
    bytes[at++] = NEWLINE;
    this.length = at;
  }

  /** Six decimals is below float32 precision for unit-scale models and keeps the text short. */
  decimal(value: number): void {
    // Fast path: |value| < 2000 keeps value·10⁶ inside int32, so every digit step is integer arithmetic on one
    // reserved stretch of the buffer (the bulk of a large OBJ's numbers; the general path below is 1.6× slower).
    if (value > -2000 && value < 2000) {
      this.reserve(20);
      const bytes = this.bytes;
      let at = this.length;
      const scaled = Math.round(Math.abs(value) * 1e6);
      if (value < 0 && scaled !== 0) bytes[at++] = MINUS;
      let whole = (scaled / 1e6) | 0;
      let fraction = scaled - whole * 1e6;
      if (whole < 10) bytes[at++] = ZERO + whole;
      else {
        const start = at;
        while (whole > 0) {
          const quotient = (whole / 10) | 0;
          bytes[at++] = ZERO + whole - quotient * 10;
          whole = quotient;
        }
        bytes.subarray(start, at).reverse();
      }
      if (fraction !== 0) {
        bytes[at++] = DOT;
        let places = 6;
        while (fraction % 10 === 0) {
          fraction = (fraction / 10) | 0;
          places--;
        }
        for (let place = places - 1; place >= 0; place--) {
          const quotient = (fraction / 10) | 0;
          bytes[at + place] = ZERO + fraction - quotient * 10;
          fraction = quotient;
        }
        at += places;
      }
      this.length = at;
      return;
    }
    const scaled = Math.round(Math.abs(value) * 1e6);
    if (!Number.isFinite(value) || scaled > Number.MAX_SAFE_INTEGER)
      return this.text(Number.isFinite(value) ? String(value) : '0');
    if (value < 0 && scaled !== 0) this.byte(MINUS);
    const whole = Math.floor(scaled / 1e6);
    let fraction = scaled - whole * 1e6;
    this.integer(whole);
    if (fraction === 0) return;
    this.byte(DOT);
    let places = 6;
    while (fraction % 10 === 0) {
      fraction /= 10;
      places--;
    }
    this.reserve(places);
    for (let place = places - 1; place >= 0; place--) {
      const quotient = Math.floor(fraction / 10);
      this.bytes[this.length + place] = ZERO + (fraction - quotient * 10);
      fraction = quotient;
    }
    this.length += places;
  }

  /** Hands out the rest. */
  finish(): void {
    if (this.length > 0) this.onChunk(this.bytes.subarray(0, this.length));
    this.length = 0;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}
