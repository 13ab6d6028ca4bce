// Which test files open a database: those whose relative imports reach the one module that picks the test database
// (packages/server/test/harness/test-database.ts: a SQLite file, or PostgreSQL when TEST_DATABASE_URL is set).
// The PostgreSQL pass of CI runs only these; a geometry or protocol test would run the same code twice.
// Written by hand: a regular expression over import specifiers is enough here because tests reach the harness
// through relative paths only (a workspace import such as @polyforge/geometry never leads back into server/test).
import fs from 'node:fs';
import path from 'node:path';

const DATABASE_MODULE = path.join('packages', 'server', 'test', 'harness', 'test-database.ts');
const IMPORT_SPECIFIER = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]/g;
const TEST_ROOTS = ['packages', 'integrations'];

/** Every *.test.ts under the workspace packages and integrations, relative to `root`. */
export function listTestFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.test.ts')) found.push(path.relative(root, full));
    }
  };
  for (const top of TEST_ROOTS) if (fs.existsSync(path.join(root, top))) walk(path.join(root, top));
  return found.sort();
}

/** The test files (relative to `root`) whose import closure includes the test-database module. */
export function databaseTestFiles(root: string): string[] {
  const target = path.join(root, DATABASE_MODULE);
  const verdicts = new Map<string, boolean>();
  const reaches = (file: string, visiting: Set<string>): boolean => {
    if (file === target) return true;
    const known = verdicts.get(file);
    if (known !== undefined) return known;
    if (visiting.has(file)) return false;
    visiting.add(file);
    const result = relativeImportsOf(file).some((imported) => reaches(imported, visiting));
    visiting.delete(file);
    verdicts.set(file, result);
    return result;
  };
  return listTestFiles(root).filter((file) => reaches(path.join(root, file), new Set()));
}

function relativeImportsOf(file: string): string[] {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const imports: string[] = [];
  for (const match of source.matchAll(IMPORT_SPECIFIER)) {
    const specifier = match[1] ?? match[2];
    if (!specifier.startsWith('.')) continue;
    const resolved = path.resolve(path.dirname(file), specifier);
    const candidates = [resolved, `${resolved}.ts`, path.join(resolved, 'index.ts')];
    const existing = candidates.find((candidate) => candidate.endsWith('.ts') && fs.existsSync(candidate));
    if (existing) imports.push(existing);
  }
  return imports;
}
