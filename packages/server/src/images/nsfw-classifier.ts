// The image content classifier: nsfwjs 4.3 (MobileNetV2, MIT; weights ship inside the npm package) on
// TensorFlow.js with the WebAssembly backend, loaded once per process on first use.
//
// The weights are read with require() from the package's own bundles (its ESM import of the same 3.5 MB
// file takes ~4 s in Node's CommonJS lexer, require ~40 ms) and handed to nsfwjs through an in-memory
// IOHandler, so nothing is fetched from anywhere. @tensorflow/tfjs-node cannot be used: its install downloads
// libtensorflow (geometry-stack.md §2).
import { createRequire } from 'node:module';
import path from 'node:path';
import type { RgbaImage } from '@polyforge/geometry/raster/decode-image';

export const NSFW_CLASS_NAMES = ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy'] as const;
export type NsfwClassName = (typeof NSFW_CLASS_NAMES)[number];
export type NsfwScores = Record<NsfwClassName, number>;

/** MobileNetV2's input: 224 × 224 RGB. */
export const NSFW_INPUT_SIZE_PIXELS = 224;

interface LoadedClassifier {
  classify(image: RgbaImage): Promise<NsfwScores>;
}

let loading: Promise<LoadedClassifier> | undefined;

/** Class probabilities for an image already scaled to 224 × 224 (see image-safety.ts). */
export async function classifyNsfw(image: RgbaImage): Promise<NsfwScores> {
  loading ??= loadClassifier().catch((error) => {
    loading = undefined;
    throw error;
  });
  return (await loading).classify(image);
}

async function loadClassifier(): Promise<LoadedClassifier> {
  const tf = await import('@tensorflow/tfjs');
  await import('@tensorflow/tfjs-backend-wasm');
  if (tf.getBackend() !== 'wasm') {
    await tf.setBackend('wasm');
    await tf.ready();
  }
  const nsfwjs = await import('nsfwjs');
  const require = createRequire(import.meta.url);
  const modelsDir = path.join(path.dirname(require.resolve('nsfwjs')), '..', 'models', 'mobilenet_v2');
  const modelJson = require(path.join(modelsDir, 'model.min.js')) as {
    modelTopology: object;
    weightsManifest: { paths: string[]; weights: import('@tensorflow/tfjs').io.WeightsManifestEntry[] }[];
  };
  const weightsBase64 = require(path.join(modelsDir, 'group1-shard1of1.min.js')) as string;
  const weights = Buffer.from(weightsBase64, 'base64');
  const handler = {
    load: async () => ({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights),
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
    }),
  };
  const model = new nsfwjs.NSFWJS(handler as never, { size: NSFW_INPUT_SIZE_PIXELS });
  await model.load();

  return {
    async classify(image: RgbaImage): Promise<NsfwScores> {
      const rgb = new Int32Array(image.width * image.height * 3);
      for (let pixel = 0; pixel < image.width * image.height; pixel++) {
        // Composite over white, so transparent areas read as an empty background.
        const alpha = image.data[pixel * 4 + 3] / 255;
        for (let channel = 0; channel < 3; channel++) {
          rgb[pixel * 3 + channel] = Math.round(image.data[pixel * 4 + channel] * alpha + 255 * (1 - alpha));
        }
      }
      const tensor = tf.tensor3d(rgb, [image.height, image.width, 3], 'int32');
      try {
        const predictions = await model.classify(tensor, NSFW_CLASS_NAMES.length);
        const scores = Object.fromEntries(NSFW_CLASS_NAMES.map((name) => [name, 0])) as NsfwScores;
        for (const prediction of predictions) scores[prediction.className as NsfwClassName] = prediction.probability;
        return scores;
      } finally {
        tensor.dispose();
      }
    },
  };
}
