import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { drawingImage } from '../../test/fixtures/build-image-fixtures.ts';
import { createClassicalBackgroundRemover } from './background-remover.ts';
import { NoForegroundError, segmentForeground } from './classical-background-remover.ts';
import { decodeImage } from './decode-image.ts';
import { distanceTransform, signedDistance } from './distance-transform.ts';
import { MaxFlowGraph } from './max-flow.ts';

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('MaxFlowGraph (Boykov–Kolmogorov)', () => {
  it('finds the minimum cut of random graphs, checked against every cut', () => {
    const random = seededRandom(42);
    for (let trial = 0; trial < 40; trial++) {
      const nodes = 3 + Math.floor(random() * 7);
      const graph = new MaxFlowGraph(nodes, nodes * nodes);
      const source = Array.from({ length: nodes }, () => Math.floor(random() * 20));
      const sink = Array.from({ length: nodes }, () => Math.floor(random() * 20));
      const edges: [number, number, number, number][] = [];
      for (let a = 0; a < nodes; a++) {
        for (let b = a + 1; b < nodes; b++) {
          if (random() < 0.5) edges.push([a, b, Math.floor(random() * 15), Math.floor(random() * 15)]);
        }
      }
      source.forEach((capacity, node) => graph.addTerminal(node, capacity, sink[node]));
      for (const [a, b, forward, backward] of edges) graph.addEdge(a, b, forward, backward);
      const flow = graph.solve();
      const cutCost = (inSource: (node: number) => boolean) => {
        let cost = 0;
        for (let node = 0; node < nodes; node++) cost += inSource(node) ? sink[node] : source[node];
        for (const [a, b, forward, backward] of edges) {
          if (inSource(a) && !inSource(b)) cost += forward;
          if (inSource(b) && !inSource(a)) cost += backward;
        }
        return cost;
      };
      let best = Infinity;
      for (let subset = 0; subset < 1 << nodes; subset++)
        best = Math.min(
          best,
          cutCost((node) => ((subset >> node) & 1) === 1),
        );
      expect(flow).toBe(best);
      expect(cutCost((node) => graph.isSourceSide(node))).toBe(best);
    }
  });
});

describe('distance transforms', () => {
  it('match brute force on a random mask', () => {
    const random = seededRandom(7);
    const width = 23,
      height = 17;
    const data = Uint8Array.from({ length: width * height }, () => (random() < 0.2 ? 1 : 0));
    const distances = distanceTransform(width, height, (pixel) => data[pixel] === 1);
    for (let pixel = 0; pixel < data.length; pixel++) {
      let nearest = Infinity;
      for (let other = 0; other < data.length; other++) {
        if (data[other])
          nearest = Math.min(
            nearest,
            Math.hypot((pixel % width) - (other % width), Math.floor(pixel / width) - Math.floor(other / width)),
          );
      }
      expect(distances[pixel]).toBeCloseTo(nearest, 4);
    }
    const signed = signedDistance({ width, height, data });
    for (let pixel = 0; pixel < data.length; pixel++) expect(Math.sign(signed[pixel])).toBe(data[pixel] ? 1 : -1);
  });
});

/** The drawing's object (ellipse + cap, see drawingImage) as an analytic inside test in pixel units. */
function insideDrawing(x: number, y: number, size: number): boolean {
  const inEllipse = ((x - size / 2) / (size * 0.3)) ** 2 + ((y - size * 0.55) / (size * 0.33)) ** 2 <= 1;
  const inCap = x >= size * 0.4 && x <= size * 0.6 && y >= size * 0.12 && y <= size * 0.27;
  return inEllipse || inCap;
}

describe('classical background removal', () => {
  it.each(['png', 'jpeg'] as const)(
    'separates a drawn object from a plain background (%s), IoU > 0.95',
    async (format) => {
      const size = 200;
      const image = await decodeImage(await drawingImage(size, format));
      const mask = segmentForeground(image);
      let intersection = 0,
        union = 0;
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
          const truth = insideDrawing(x + 0.5, y + 0.5, size);
          const found = mask.data[y * size + x] === 1;
          if (truth && found) intersection++;
          if (truth || found) union++;
        }
      }
      expect(intersection / union).toBeGreaterThan(0.95);
    },
  );

  it('keeps the object on a gradient background', async () => {
    const size = 160;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f4f4f0"/><stop offset="1" stop-color="#b8bcc4"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><rect x="50" y="40" width="60" height="80" fill="#2a7a3a"/></svg>`;
    const image = await decodeImage(new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer()));
    const mask = segmentForeground(image);
    let wrong = 0;
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++)
        if ((mask.data[y * size + x] === 1) !== (x >= 50 && x < 110 && y >= 40 && y < 120)) wrong++;
    expect(wrong / (size * size)).toBeLessThan(0.01);
  });

  it('uses an image’s own alpha, and says so when there is no object', async () => {
    const cutOut = new Uint8Array(
      await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
        .composite([
          {
            input: { create: { width: 20, height: 30, channels: 4, background: { r: 240, g: 240, b: 240, alpha: 1 } } },
            left: 10,
            top: 5,
          },
        ])
        .png()
        .toBuffer(),
    );
    const mask = await createClassicalBackgroundRemover().foregroundMask(await decodeImage(cutOut));
    expect(mask.data.reduce((sum, value) => sum + value, 0)).toBe(600);
    const plain = await decodeImage(
      new Uint8Array(
        await sharp({ create: { width: 64, height: 64, channels: 3, background: '#777' } })
          .png()
          .toBuffer(),
      ),
    );
    expect(() => segmentForeground(plain)).toThrow(NoForegroundError);
  });
});
