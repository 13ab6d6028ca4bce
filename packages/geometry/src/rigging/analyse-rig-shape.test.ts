import type { Document } from '@gltf-transform/core';
import { describe, expect, it } from 'vitest';
import {
  boxDocument,
  humanFigureDocument,
  quadrupedAnimalDocument,
  snakeDocument,
} from '../../test/fixtures/build-creatures.ts';
import { rotationAboutY, transformSceneRoots } from '../mesh/transform-scene-roots.ts';
import { analyseRigShape } from './analyse-rig-shape.ts';
import { collectRigMesh } from './collect-rig-mesh.ts';

function analyse(document: Document) {
  return analyseRigShape(collectRigMesh(document));
}

function turned(document: Document, degrees: number): Document {
  transformSceneRoots(document, { rotation: rotationAboutY(degrees) });
  return document;
}

describe('pre-rig shape analysis', () => {
  it('finds a biped in the human figure: two legs, two arms, a head, facing +Z, symmetric', async () => {
    const analysis = analyse(await humanFigureDocument('T', { edgeLength: 0.04 }));
    expect(analysis).toMatchObject({ rigType: 'biped', riggable: true });
    expect(analysis.legs).toHaveLength(2);
    expect(analysis.arms.left && analysis.arms.right && analysis.head).toBeTruthy();
    expect(analysis.frame.forward).toEqual([0, 0, 1]);
    expect(analysis.symmetry).toBeGreaterThan(0.9);
    expect(analysis.reasons).toEqual(
      expect.arrayContaining(['2 legs reach the ground', '2 arms stand out from the body', 'faces +Z']),
    );
  });

  it('finds the arms of an A-pose figure turned to face +X, and the way it faces', async () => {
    const analysis = analyse(turned(await humanFigureDocument('A', { edgeLength: 0.04 }), 90));
    expect(analysis).toMatchObject({ rigType: 'biped', riggable: true });
    expect(analysis.frame.forward).toEqual([1, 0, 0]);
    expect(analysis.frame.left[2]).toBeCloseTo(-1);
    expect(analysis.arms.left && analysis.arms.right).toBeTruthy();
  });

  it('finds a quadruped with a head and a tail, and turns with it', async () => {
    const facing = analyse(await quadrupedAnimalDocument({ edgeLength: 0.035 }));
    expect(facing).toMatchObject({ rigType: 'quadruped', riggable: true });
    expect(facing.legs).toHaveLength(4);
    expect(facing.head && facing.tail).toBeTruthy();
    expect(facing.frame.forward).toEqual([0, 0, 1]);
    const back = analyse(turned(await quadrupedAnimalDocument({ edgeLength: 0.035 }), 180));
    expect(back.frame.forward[2]).toBeCloseTo(-1);
  });

  it('calls a long legless body on the ground serpentine, with no template to rig it here', async () => {
    const analysis = analyse(await snakeDocument());
    expect(analysis.rigType).toBe('serpentine');
    expect(analysis.riggable).toBe(false);
    expect(analysis.reasons.join(' ')).toMatch(/no serpentine template/);
  });

  it('finds nothing to rig in a box', async () => {
    const analysis = analyse(await boxDocument());
    expect(analysis).toMatchObject({ rigType: 'others', riggable: false });
    expect(analysis.legs).toHaveLength(0);
  });
});
