// Finds the GLB in a model-hosting API's output (fal result JSON, Replicate prediction output), whose shape
// differs per model: a URL string, a list of them, a file object {url, content_type, file_name} or an object of
// named outputs (model_glb, model_mesh, model_file, mesh...). The first GLB wins, searched breadth first.
const GLB_URL = /\.glb(\?|#|$)/i;

export function findModelUrl(output: unknown): string | undefined {
  const queue: unknown[] = [output];
  for (let visited = 0; queue.length > 0 && visited < 500; visited += 1) {
    const value = queue.shift();
    if (typeof value === 'string') {
      if (isHttpUrl(value) && GLB_URL.test(new URL(value).pathname)) return value;
      continue;
    }
    if (Array.isArray(value)) {
      queue.push(...value);
      continue;
    }
    if (value && typeof value === 'object') {
      const file = value as { url?: unknown; content_type?: unknown; file_name?: unknown };
      if (typeof file.url === 'string' && isHttpUrl(file.url)) {
        const named = typeof file.file_name === 'string' && /\.glb$/i.test(file.file_name);
        const typed = typeof file.content_type === 'string' && file.content_type.startsWith('model/gltf-binary');
        if (named || typed || GLB_URL.test(new URL(file.url).pathname)) return file.url;
      }
      queue.push(...Object.values(value));
    }
  }
  return undefined;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
