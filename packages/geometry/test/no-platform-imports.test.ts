// Enforces the package's rule: geometry is pure code over documents and pixels, so no file here may reach a
// database, the network or the environment, nor import the server; the package.json may not depend on them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const THIS_FILE = fileURLToPath(import.meta.url);

/** Module specifiers no geometry file may import: the platform, databases, HTTP and sockets. */
const FORBIDDEN_MODULES = [
  /^@polyforge\/(?!protocol$|geometry(\/|$))/,
  /^fastify$/,
  /^@fastify\//,
  /^(pg|pg-.*|better-sqlite3|kysely)$/,
  /^(node:)?(http|https|http2|net|dgram|dns|dns\/promises|tls)$/,
  /^(undici|ws|node-fetch|axios|stripe)$/,
  /^@aws-sdk\//,
];
/** Source patterns that mean network or environment access whatever the import. */
const FORBIDDEN_CODE: Array<[RegExp, string]> = [
  [/\bprocess\.env\b/, 'reads process.env (configuration is passed in)'],
  [/\bfetch\s*\(/, 'fetches a URL'],
  [/\bnew\s+(XMLHttpRequest|WebSocket)\b/, 'opens a network connection'],
];
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const entryPath = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(entryPath);
    return /\.(ts|js|mjs)$/.test(entry.name) && entryPath !== THIS_FILE ? [entryPath] : [];
  });
}

function violationsOf(filePath: string, text = fs.readFileSync(filePath, 'utf8')): string[] {
  const where = path.relative(PACKAGE_ROOT, filePath);
  const found: string[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1];
    if (specifier.startsWith('.')) {
      const target = path.resolve(path.dirname(filePath), specifier);
      if (!target.startsWith(PACKAGE_ROOT + path.sep))
        found.push(`${where} imports ${specifier}, outside packages/geometry`);
    } else if (FORBIDDEN_MODULES.some((pattern) => pattern.test(specifier))) {
      found.push(`${where} imports ${specifier}`);
    }
  }
  for (const [pattern, reason] of FORBIDDEN_CODE) if (pattern.test(text)) found.push(`${where} ${reason}`);
  return found;
}

describe('@polyforge/geometry stays free of the platform', () => {
  it('no source, test or fixture file imports the server, a database, HTTP or sockets, or reads the environment', () => {
    const files = [...sourceFiles(path.join(PACKAGE_ROOT, 'src')), ...sourceFiles(path.join(PACKAGE_ROOT, 'test'))];
    expect(files.length).toBeGreaterThan(150);
    expect(files.flatMap((file) => violationsOf(file))).toEqual([]);
  });

  it('declares no such dependency', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string> | undefined
    >;
    const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies });
    expect(names.filter((name) => FORBIDDEN_MODULES.some((pattern) => pattern.test(name)))).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    const probe =
      "import http from 'node:http';\nimport { x } from '../../server/src/config.ts';\nconst url = process.env.URL;\nawait fetch(url);\n";
    expect(violationsOf(path.join(PACKAGE_ROOT, 'test', 'probe.ts'), probe)).toHaveLength(4);
  });
});
