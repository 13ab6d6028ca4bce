// The zip container: read back by fflate and by Python's zipfile (an independent reader), CRCs checked.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { PiecewiseDeflater, writeZip } from './write-zip.ts';

const scratch = mkdtempSync(join(tmpdir(), 'polyforge-zip-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Lines of text, some repeated, so deflate has something to find. */
function sampleText(lines: number): Uint8Array {
  const parts: string[] = [];
  for (let line = 0; line < lines; line++) parts.push(`v ${line * 0.25} ${(line % 7) * 1.5} -${line % 13}\n`);
  return new TextEncoder().encode(parts.join(''));
}

function pythonRead(archivePath: string): Record<string, string> {
  const script = `import zipfile, json, sys, hashlib
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps({i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist()}))`;
  return JSON.parse(execFileSync('python3', ['-c', script, archivePath], { encoding: 'utf8' }));
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('writeZip', () => {
  it('writes stored, deflated and pre-deflated (piecewise) entries that fflate and Python read back byte for byte', async () => {
    const text = sampleText(200_000);
    const deflater = new PiecewiseDeflater(2);
    for (let start = 0; start < text.length; start += 1_000_000) deflater.add(text.subarray(start, start + 1_000_000));
    const pieced = await deflater.finish();
    const image = Uint8Array.from({ length: 5000 }, (_, index) => (index * 97) & 0xff);
    const archive = await writeZip([
      { name: 'model.obj', ...pieced },
      { name: 'model.mtl', bytes: new TextEncoder().encode('newmtl red\nKd 1 0 0\n'), compressionLevel: 2 },
      { name: 'textures/ünïcode.png', bytes: image, compressionLevel: 0 },
    ]);
    expect(pieced.deflated.length).toBeLessThan(text.length / 3);

    const read = unzipSync(archive);
    expect(Object.keys(read)).toEqual(['model.obj', 'model.mtl', 'textures/ünïcode.png']);
    expect(Buffer.from(read['model.obj']!).equals(Buffer.from(text))).toBe(true);
    expect(Buffer.from(read['textures/ünïcode.png']!).equals(Buffer.from(image))).toBe(true);

    const archivePath = join(scratch, 'sample.zip');
    writeFileSync(archivePath, archive);
    expect(pythonRead(archivePath)).toEqual({
      'model.obj': sha256(text),
      'model.mtl': sha256(new TextEncoder().encode('newmtl red\nKd 1 0 0\n')),
      'textures/ünïcode.png': sha256(image),
    });
  });

  it('gives the same bytes for the same files (fixed entry times)', async () => {
    const entries = [{ name: 'a.txt', bytes: sampleText(100), compressionLevel: 6 }];
    expect(Buffer.from(await writeZip(entries)).equals(Buffer.from(await writeZip(entries)))).toBe(true);
  });

  it('writes an empty archive that readers accept', async () => {
    const archivePath = join(scratch, 'empty.zip');
    writeFileSync(archivePath, await writeZip([]));
    expect(pythonRead(archivePath)).toEqual({});
  });
});
