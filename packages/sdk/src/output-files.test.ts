import { describe, expect, it } from 'vitest';
import { collectOutputUrls, extensionFromUrl, outputFileName } from './output-files.ts';

describe('collectOutputUrls', () => {
  it('finds top-level URL strings and ignores everything else', () => {
    const output = {
      model: 'http://127.0.0.1:8080/files/t/model.glb?expires=1&signature=x',
      pbr_model: 'https://cdn.example/t/pbr.glb',
      riggable: true,
      rig_type: 'biped',
      relative: '/files/t/model.glb',
      empty: null,
      list: ['https://cdn.example/a.png'],
    };
    expect(collectOutputUrls(output)).toEqual([
      { key: 'model', url: output.model },
      { key: 'pbr_model', url: output.pbr_model },
    ]);
  });

  it('finds URLs one level down, named by the inner key, prefixed only on a clash', () => {
    const output = {
      model: 'https://cdn.example/model.glb',
      generate_multiview_image: {
        front_view_url: 'https://cdn.example/front.png',
        model: 'https://cdn.example/other.glb',
        note: 'x',
      },
    };
    expect(collectOutputUrls(output)).toEqual([
      { key: 'model', url: 'https://cdn.example/model.glb' },
      { key: 'front_view_url', url: 'https://cdn.example/front.png' },
      { key: 'generate_multiview_image_model', url: 'https://cdn.example/other.glb' },
    ]);
  });

  it('answers an empty list for an empty or missing output', () => {
    expect(collectOutputUrls({})).toEqual([]);
    expect(collectOutputUrls(undefined as unknown as Record<string, unknown>)).toEqual([]);
  });
});

describe('outputFileName', () => {
  it.each([
    ['model', 'http://h/files/abc/model.glb?expires=1&signature=s', 'task-1_model.glb'],
    ['rendered_image', 'https://h/x/preview.WEBP', 'task-1_rendered_image.webp'],
    ['model', 'https://h/x/model.zip#frag', 'task-1_model.zip'],
    ['model', 'https://h/x/download', 'task-1_model.glb'],
    ['rendered_image', 'https://h/x/download', 'task-1_rendered_image.jpg'],
    ['front_view_url', 'https://h/x/', 'task-1_front_view_url.jpg'],
    ['we/ird key', 'https://h/x/a.stl', 'task-1_we_ird_key.stl'],
  ])('names output %s from %s as %s', (key, url, expected) => {
    expect(outputFileName('task-1', key, url)).toBe(expected);
  });

  it('never lets a task id or key escape the directory', () => {
    expect(outputFileName('../../etc', 'x/y', 'https://h/a.glb')).not.toContain('/');
  });
});

describe('extensionFromUrl', () => {
  it('reads the last path segment only, lower-cased', () => {
    expect(extensionFromUrl('https://h.example.com/dir.v2/file.GLB?name=x.png')).toBe('.glb');
    expect(extensionFromUrl('https://h.example.com/dir.v2/file')).toBeUndefined();
    expect(extensionFromUrl('not a url')).toBeUndefined();
  });
});
