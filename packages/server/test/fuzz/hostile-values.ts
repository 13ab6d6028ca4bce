// Values a well-behaved client never sends: long and odd unicode, boundary numbers, values of the wrong type,
// broken JSON and broken multipart bodies.
import fc from 'fast-check';

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  'a\uDFFFb',
  '\u202Eevil',
  '\uFEFFbom',
  'e\u0301\u0301\u0301',
  '𝕏'.repeat(300),
  '🦊'.repeat(50),
  "'; DROP TABLE tasks; --",
  '../../../etc/passwd',
  '%00%2e%2e%2f',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  'line\r\nInjected: header',
  '00000000-0000-0000-0000-000000000000',
  'file_00000000-0000-4000-8000-000000000000',
  'http://127.0.0.1:1/x',
  'data:image/png;base64,AAAA',
  '__proto__',
  'constructor',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ODD_STRINGS),
  fc.string({ unit: 'grapheme', minLength: 1000, maxLength: 4000 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 60 }),
);

export const boundaryNumber: fc.Arbitrary<number> = fc.constantFrom(
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  30,
  31,
  100,
  101,
  200,
  201,
  255,
  256,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  2 ** 32,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e21,
  1e-7,
);

/** A value whose JSON type differs from the given value's. */
export function otherTypeThan(value: unknown): fc.Arbitrary<unknown> {
  const kinds: fc.Arbitrary<unknown>[] = [];
  if (typeof value !== 'string') kinds.push(hostileString);
  if (typeof value !== 'number') kinds.push(boundaryNumber);
  if (typeof value !== 'boolean') kinds.push(fc.boolean());
  if (value !== null) kinds.push(fc.constant(null));
  if (!Array.isArray(value)) kinds.push(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }));
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    kinds.push(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }));
  return fc.oneof(...kinds);
}

const DEEP_NESTING = '['.repeat(100_000) + ']'.repeat(100_000);

export const malformedJsonBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '{',
    '{"type":',
    '{"a":1,}',
    "{'type':'text_to_model'}",
    'null',
    '[]',
    '"text"',
    '12',
    'true',
    '\u0000',
    ' ',
    'NaN',
    '{"a": 1e999999}',
    '{"type":"text_to_model","type":"image_to_model"}',
    '\uFEFF{"type":"text_to_model"}',
    '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    DEEP_NESTING,
    `{"prompt": "${'x'.repeat(200_000)}"}`,
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

const BOUNDARY = 'fuzzboundary7MA4YWxkTrZu0gW';
const PNG_SIGNATURE = '\x89PNG\r\n\x1a\n';

function part(headers: string, content: string): string {
  return `--${BOUNDARY}\r\n${headers}\r\n\r\n${content}\r\n`;
}

export interface RawMultipart {
  contentType: string;
  body: string;
}

/** Broken multipart/form-data bodies (and one well-formed file part with junk bytes). */
export const malformedMultipart: fc.Arbitrary<RawMultipart> = fc.constantFrom<RawMultipart>(
  {
    contentType: 'multipart/form-data',
    body: part('Content-Disposition: form-data; name="file"; filename="a.png"', PNG_SIGNATURE) + `--${BOUNDARY}--\r\n`,
  },
  { contentType: `multipart/form-data; boundary=${BOUNDARY}`, body: 'no boundary anywhere in here' },
  {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: part('Content-Disposition: form-data; name="file"; filename="a.png"', PNG_SIGNATURE),
  },
  {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n${PNG_SIGNATURE}`,
  },
  {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: part('Content-Disposition: form-data; filename="a.png"', 'x') + `--${BOUNDARY}--\r\n`,
  },
  {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: part('Content-Disposition: form-data; name="image"; filename="a.png"', 'x') + `--${BOUNDARY}--\r\n`,
  },
  {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: part('Content-Disposition: form-data; name="note"', 'just a field') + `--${BOUNDARY}--\r\n`,
  },
  {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body:
      part('Content-Disposition: form-data; name="file"; filename="a.png"', 'x') +
      part('Content-Disposition: form-data; name="file"; filename="b.png"', 'y') +
      `--${BOUNDARY}--\r\n`,
  },
  {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body:
      part(`Content-Disposition: form-data; name="file"; filename="${'a'.repeat(20_000)}.png"`, 'x') +
      `--${BOUNDARY}--\r\n`,
  },
  {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: part('Content-Disposition: form-data; name="file"; filename="empty.png"', '') + `--${BOUNDARY}--\r\n`,
  },
  {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body:
      Array.from({ length: 40 }, (_, index) => part(`Content-Disposition: form-data; name="f${index}"`, 'v')).join('') +
      `--${BOUNDARY}--\r\n`,
  },
  { contentType: `multipart/form-data; boundary=${BOUNDARY}`, body: '' },
  { contentType: `multipart/form-data; boundary="${'b'.repeat(300)}"`, body: `--${'b'.repeat(300)}--\r\n` },
  {
    contentType: `multipart/mixed; boundary=${BOUNDARY}`,
    body: part('Content-Disposition: form-data; name="file"; filename="a.png"', 'x') + `--${BOUNDARY}--\r\n`,
  },
);

/** A well-formed multipart body holding one file part named "file". */
export function multipartFile(fileName: string, content: Uint8Array): { contentType: string; body: Uint8Array } {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName.replace(/["\r\n]/g, '_')}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  return {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: new Uint8Array(Buffer.concat([head, content, tail])),
  };
}
