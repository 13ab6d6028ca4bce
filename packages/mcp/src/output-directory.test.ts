// The output directory's guard against real files and links: what resolves inside, what is refused, what is written.
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputDirectory, OutputPathError } from './output-directory.ts';

describe('OutputDirectory', () => {
  let scratch: string;
  let outside: string;
  let directory: OutputDirectory;

  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'polyforge-out-'));
    outside = join(scratch, 'outside');
    await mkdir(outside);
    directory = await OutputDirectory.open(join(scratch, 'out'));
  });
  afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('writes relative and absolute paths inside it, creating folders', async () => {
    const nested = await directory.writeFile('models/car/car.glb', new Uint8Array([1, 2, 3]));
    expect(nested).toBe(join(directory.root, 'models/car/car.glb'));
    expect([...(await readFile(nested))]).toEqual([1, 2, 3]);
    const absolute = await directory.writeFile(join(scratch, 'out', 'a.bin'), new Uint8Array([4]));
    expect(absolute).toBe(join(directory.root, 'a.bin'));
  });

  it.each([
    ['a parent segment', '../escape.glb', /"\.\." is not allowed/],
    ['a parent segment in the middle', 'models/../../escape.glb', /"\.\." is not allowed/],
    ['a Windows-style parent segment', 'models\\..\\..\\escape.glb', /"\.\." is not allowed/],
    ['an absolute path elsewhere', '/etc/polyforge-escape.glb', /outside the output directory/],
  ])('refuses %s', async (_label, path, message) => {
    await expect(directory.writeFile(path, new Uint8Array([1]))).rejects.toThrow(message);
  });

  it('refuses a folder link and a file link that lead outside, writing nothing there', async () => {
    await symlink(outside, join(directory.root, 'linked'));
    await expect(directory.writeFile('linked/model.glb', new Uint8Array([1]))).rejects.toThrow(
      /symbolic link leads outside/,
    );
    await symlink(join(outside, 'target.glb'), join(directory.root, 'dangling.glb'));
    await expect(directory.writeFile('dangling.glb', new Uint8Array([1]))).rejects.toThrow(OutputPathError);
    await writeFile(join(outside, 'existing.glb'), 'keep');
    await symlink(join(outside, 'existing.glb'), join(directory.root, 'existing.glb'));
    await expect(directory.writeFile('existing.glb', new Uint8Array([1]))).rejects.toThrow(OutputPathError);
    expect(await readFile(join(outside, 'existing.glb'), 'utf8')).toBe('keep');
    expect((await readdir(outside)).sort()).toEqual(['existing.glb']);
  });

  it('allows a link that stays inside, and refuses the directory itself as a file', async () => {
    await mkdir(join(directory.root, 'real'));
    await symlink(join(directory.root, 'real'), join(directory.root, 'alias'));
    expect(await directory.writeFile('alias/x.glb', new Uint8Array([1]))).toBe(join(directory.root, 'alias/x.glb'));
    expect(await readdir(join(directory.root, 'real'))).toEqual(['x.glb']);
    await expect(directory.writeFile('.', new Uint8Array([1]))).rejects.toThrow(/output directory itself/);
  });
});
