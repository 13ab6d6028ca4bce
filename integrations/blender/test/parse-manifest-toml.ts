// Reads the TOML subset that blender_manifest.toml uses: comments, [tables], and keys set to a "string", a number,
// true/false or a one-line array of strings. Anything else throws, so a manifest this cannot read fails its test
// rather than being half-read. (No TOML package is among the repo's dependencies; Blender itself parses the
// manifest with Python's tomllib, which the headless Blender test uses on the installed copy.)

export type ManifestValue = string | number | boolean | string[];
export type ManifestTable = Record<string, ManifestValue>;
export type Manifest = Record<string, ManifestValue | ManifestTable>;

const BASIC_STRING = /^"((?:[^"\\]|\\.)*)"/;

export function parseManifestToml(text: string): Manifest {
  const manifest: Manifest = {};
  let table: Record<string, ManifestValue | ManifestTable> = manifest;
  text.split(/\r?\n/).forEach((raw, index) => {
    const where = `line ${index + 1}`;
    const line = stripComment(raw).trim();
    if (!line) return;
    const header = /^\[([A-Za-z0-9_-]+)\]$/.exec(line);
    if (header) {
      if (header[1] in manifest) throw new Error(`${where}: table [${header[1]}] defined twice`);
      table = manifest[header[1]] = {} as ManifestTable;
      return;
    }
    const pair = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(line);
    if (!pair) throw new Error(`${where}: not a key = value line: ${raw}`);
    if (pair[1] in table) throw new Error(`${where}: key ${pair[1]} set twice`);
    table[pair[1]] = parseValue(pair[2], where);
  });
  return manifest;
}

function parseValue(text: string, where: string): ManifestValue {
  if (text.startsWith('"')) return wholeString(text, where);
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text.startsWith('[') && text.endsWith(']')) {
    const items: string[] = [];
    let rest = text.slice(1, -1).trim();
    while (rest) {
      const item = BASIC_STRING.exec(rest);
      if (!item) throw new Error(`${where}: arrays may hold only "strings": ${text}`);
      items.push(unescape(item[1], where));
      rest = rest.slice(item[0].length).trim().replace(/^,\s*/, '');
    }
    return items;
  }
  throw new Error(`${where}: unsupported value ${text}`);
}

function wholeString(text: string, where: string): string {
  const match = BASIC_STRING.exec(text);
  if (!match || match[0].length !== text.length) throw new Error(`${where}: unterminated or trailing text: ${text}`);
  return unescape(match[1], where);
}

function unescape(body: string, where: string): string {
  return body.replace(/\\(.)/g, (_, character: string) => {
    const known: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };
    if (!(character in known)) throw new Error(`${where}: unsupported escape \\${character}`);
    return known[character];
  });
}

/** The line without a # comment; a # inside a "string" stays. */
function stripComment(line: string): string {
  let inString = false;
  for (let index = 0; index < line.length; index++) {
    const character = line[index];
    if (character === '\\' && inString) index++;
    else if (character === '"') inString = !inString;
    else if (character === '#' && !inString) return line.slice(0, index);
  }
  return line;
}
