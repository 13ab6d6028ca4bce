// Loads the Basis Universal transcoder (BinomialLLC's WASM build, Apache-2.0) that three.js ships beside its
// KTX2Loader, so KTX2 textures (KHR_texture_basisu: ETC1S or UASTC payloads) can be turned into RGBA offline.
// The file is an Emscripten script, not a module, so it is evaluated once with the CommonJS names it expects.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runInThisContext } from 'node:vm';

export interface Ktx2File {
  isValid(): boolean;
  getWidth(): number;
  getHeight(): number;
  getHasAlpha(): boolean;
  startTranscoding(): boolean;
  getImageTranscodedSizeInBytes(level: number, layer: number, face: number, format: number): number;
  transcodeImage(
    target: Uint8Array,
    level: number,
    layer: number,
    face: number,
    format: number,
    flags: number,
    channel0: number,
    channel1: number,
  ): number;
  close(): void;
  delete(): void;
}

export interface BasisTranscoder {
  KTX2File: new (bytes: Uint8Array) => Ktx2File;
  initializeBasis(): void;
}

/** basisu's transcoder_texture_format cTFRGBA32: uncompressed 8-bit RGBA. */
export const BASIS_FORMAT_RGBA32 = 13;

let transcoder: Promise<BasisTranscoder> | undefined;

export function loadBasisTranscoder(): Promise<BasisTranscoder> {
  transcoder ??= (async () => {
    const require = createRequire(import.meta.url);
    // three's package exports map "." to build/three.cjs for require; the transcoder sits in examples/ beside it.
    const directory = join(dirname(require.resolve('three')), '..', 'examples', 'jsm', 'libs', 'basis');
    const scriptPath = join(directory, 'basis_transcoder.js');
    const factory = runInThisContext(
      `(function (require, __filename, __dirname) {\n${readFileSync(scriptPath, 'utf8')}\nreturn BASIS;\n})`,
      {
        filename: scriptPath,
      },
    )(require, scriptPath, directory) as (options: { wasmBinary: Uint8Array }) => Promise<BasisTranscoder>;
    const module = await factory({ wasmBinary: readFileSync(`${directory}/basis_transcoder.wasm`) });
    module.initializeBasis();
    return module;
  })();
  return transcoder;
}
