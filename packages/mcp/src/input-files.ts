// Turns what an agent names as an input (a local image or model path, or an image URL) into a task file reference:
// local files are read, type-checked by extension and uploaded; URLs are passed on for the server to fetch.
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, extname, isAbsolute, resolve } from 'node:path';
import type { PolyforgeClient } from '@polyforge/sdk';

export type InputKind = 'image' | 'model';

export interface FileReference {
  type: string;
  file_token?: string;
  url?: string;
}

/** The extensions each kind accepts (the server checks the bytes again). */
export const INPUT_EXTENSIONS: Record<InputKind, readonly string[]> = {
  image: ['png', 'jpg', 'jpeg', 'webp'],
  model: ['glb', 'gltf', 'fbx', 'obj', 'stl'],
};

/** The server's own upload limit is the real bound; this one stops an agent reading a huge file for nothing. */
export const MAX_INPUT_FILE_BYTES = 200 * 1024 * 1024;

/** A tool argument that names a file the server cannot use; shown to the agent as the tool's error. */
export class InputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputFileError';
  }
}

export class InputFiles {
  constructor(
    private readonly client: PolyforgeClient,
    /** Relative paths are read from here (the output directory, so that downloaded files can be used again). */
    private readonly baseDirectory: string,
  ) {}

  async reference(source: string, kind: InputKind): Promise<FileReference> {
    const trimmed = source.trim();
    if (/^https?:\/\//i.test(trimmed)) {
      if (kind !== 'image') throw new InputFileError(`A ${kind} must be a local file path, not a URL: ${trimmed}`);
      return { type: extensionOf(new URL(trimmed).pathname) ?? 'jpg', url: trimmed };
    }
    const path = this.localPath(trimmed);
    const extension = extensionOf(path);
    if (!extension || !INPUT_EXTENSIONS[kind].includes(extension)) {
      throw new InputFileError(
        `${path} is not a${kind === 'image' ? 'n' : ''} ${kind} file: use one of .${INPUT_EXTENSIONS[kind].join(', .')}`,
      );
    }
    const size = await stat(path).then(
      (stats) => (stats.isFile() ? stats.size : -1),
      () => undefined,
    );
    if (size === undefined) throw new InputFileError(`No such file: ${path}`);
    if (size < 0) throw new InputFileError(`Not a file: ${path}`);
    if (size > MAX_INPUT_FILE_BYTES)
      throw new InputFileError(`${path} is ${size} bytes, more than the ${MAX_INPUT_FILE_BYTES} this server uploads`);
    const token = await this.client.uploadFile(new Uint8Array(await readFile(path)), basename(path));
    return { type: extension === 'jpeg' ? 'jpg' : extension, file_token: token };
  }

  private localPath(source: string): string {
    if (source === '~' || source.startsWith('~/')) return resolve(homedir(), source.slice(2));
    return isAbsolute(source) ? source : resolve(this.baseDirectory, source);
  }
}

function extensionOf(path: string): string | undefined {
  const extension = extname(path).slice(1).toLowerCase();
  return extension === '' ? undefined : extension;
}
