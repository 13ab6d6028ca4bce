// The one directory the MCP server may write to: user-named paths resolve inside it or are refused (no `..`, no
// absolute path elsewhere, no symbolic link that leads out, no writing through a link).
import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** A path the server refuses to write to; the message says why and names the output directory. */
export class OutputPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputPathError';
  }
}

// Not defined on Windows, where the check of each parent's real path still applies.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

export class OutputDirectory {
  private constructor(
    /** The directory as given, made absolute (absolute paths the user names may start with it). */
    readonly givenRoot: string,
    /** Its real path, symbolic links resolved: what every write is checked against. */
    readonly root: string,
  ) {}

  /** Creates the directory when it is missing. */
  static async open(path: string): Promise<OutputDirectory> {
    const givenRoot = resolve(path);
    await mkdir(givenRoot, { recursive: true });
    return new OutputDirectory(givenRoot, await realpath(givenRoot));
  }

  /** The absolute path a user-named path stands for, checked against the directory and its existing links. */
  async resolve(namedPath: string): Promise<string> {
    if (namedPath.includes('\0')) throw new OutputPathError('The path contains a NUL character');
    if (namedPath.split(/[\\/]+/).includes('..')) {
      throw new OutputPathError(
        `Refused "${namedPath}": ".." is not allowed; name a path inside the output directory ${this.root}`,
      );
    }
    const absolute = this.rebase(isAbsolute(namedPath) ? resolve(namedPath) : resolve(this.root, namedPath));
    if (!isInside(this.root, absolute)) {
      throw new OutputPathError(`Refused "${namedPath}": it is outside the output directory ${this.root}`);
    }
    const existing = await deepestExisting(absolute);
    // A dangling link has no real path: refused like one that leads out.
    const realExisting = await realpath(existing).catch(() => undefined);
    if (realExisting === undefined || !isInside(this.root, realExisting)) {
      throw new OutputPathError(
        `Refused "${namedPath}": a symbolic link leads outside the output directory ${this.root}`,
      );
    }
    return absolute;
  }

  /** Writes the bytes to the named path (parents created), never through a symbolic link; returns the absolute path. */
  async writeFile(namedPath: string, bytes: Uint8Array): Promise<string> {
    const target = await this.resolve(namedPath);
    if (target === this.root)
      throw new OutputPathError(`Refused "${namedPath}": it names the output directory itself, not a file in it`);
    await mkdir(dirname(target), { recursive: true });
    // A link could have appeared between the check and mkdir: the parent's real path is checked once more.
    if (!isInside(this.root, await realpath(dirname(target)))) {
      throw new OutputPathError(
        `Refused "${namedPath}": a symbolic link leads outside the output directory ${this.root}`,
      );
    }
    let handle;
    try {
      handle = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | NO_FOLLOW, 0o644);
    } catch (error) {
      if ((error as { code?: string }).code === 'ELOOP')
        throw new OutputPathError(`Refused "${namedPath}": it is a symbolic link`);
      throw error;
    }
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
    return target;
  }

  /** An absolute path under the directory as given is read as the same path under its real path. */
  private rebase(absolute: string): string {
    if (this.givenRoot !== this.root && isInside(this.givenRoot, absolute))
      return resolve(this.root, relative(this.givenRoot, absolute));
    return absolute;
  }
}

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** The path itself or its nearest parent that exists (a dangling link counts as existing). */
async function deepestExisting(path: string): Promise<string> {
  let current = path;
  for (;;) {
    try {
      await lstat(current);
      return current;
    } catch {
      const parent = dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}
