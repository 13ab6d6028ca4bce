// Pure helpers that find the downloadable URLs in a task's `output` and name the files they are saved as.

export interface OutputUrl {
  /** The output key (`model`, `pbr_model`, ...); for nested objects the inner key (`front_view_url`). */
  key: string;
  url: string;
}

/** Top-level URL strings first, then the URL strings of nested objects (one level, as in multiview outputs). */
export function collectOutputUrls(output: Record<string, unknown>): OutputUrl[] {
  const found: OutputUrl[] = [];
  const usedKeys = new Set<string>();
  const nested: Array<[string, Record<string, unknown>]> = [];
  for (const [key, value] of Object.entries(output ?? {})) {
    if (isUrl(value)) {
      found.push({ key, url: value });
      usedKeys.add(key);
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      nested.push([key, value as Record<string, unknown>]);
    }
  }
  for (const [parentKey, object] of nested) {
    for (const [childKey, value] of Object.entries(object)) {
      if (!isUrl(value)) continue;
      // Inner keys alone read best (`<id>_front_view_url.png`); prefix the parent only to avoid a clash.
      const key = usedKeys.has(childKey) ? `${parentKey}_${childKey}` : childKey;
      found.push({ key, url: value });
      usedKeys.add(key);
    }
  }
  return found;
}

/** `<task_id>_<key><ext>`, the extension taken from the URL path (as the Python SDK does). */
export function outputFileName(taskId: string, key: string, url: string): string {
  return `${safeNamePart(taskId)}_${safeNamePart(key)}${extensionFromUrl(url) ?? defaultExtension(key)}`;
}

export function extensionFromUrl(url: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const lastSegment = decodeURIComponent(pathname.split('/').pop() ?? '');
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(lastSegment);
  return match ? `.${match[1]!.toLowerCase()}` : undefined;
}

/** Fallback when the URL path has no extension: images as `.jpg`, everything else as `.glb` (Python SDK's choice). */
function defaultExtension(key: string): string {
  return /image|view|render/i.test(key) ? '.jpg' : '.glb';
}

function safeNamePart(value: string): string {
  return value.replace(/[^A-Za-z0-9_.-]/g, '_');
}

function isUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\//i.test(value);
}
