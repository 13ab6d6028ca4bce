// animate_rig on models the pre-rig check rejects: a quadruped standing on a pedestal is rigged with the pedestal
// left static (it stays put while the legs walk); a shape with no character in it is refused with the check's reasons.
import { Logger } from '@gltf-transform/core';
import { describe, expect, it } from 'vitest';
import { boxDocument, quadrupedAnimalDocument } from '../../test/fixtures/build-creatures.ts';
import { boxGeometry } from '../../test/fixtures/build-fixtures.ts';
import { validateGlb } from '../../test/fixtures/validate-glb.ts';
import { writeGlb } from '../formats/glb/write-glb.ts';
import { ModelInputError } from '../read/model-input-error.ts';
import { analyseRigShape } from './analyse-rig-shape.ts';
import { collectRigMesh } from './collect-rig-mesh.ts';
import { rigModel } from './rig-model.ts';
import { RigRefusedError } from './separate-character.ts';

async function foxOnAPedestal() {
  const document = (await quadrupedAnimalDocument()).setLogger(new Logger(Logger.Verbosity.ERROR));
  const box = boxGeometry([0, -0.2, 0], [0.8, 0.4, 1.1]);
  const buffer = document.getRoot().listBuffers()[0];
  const primitive = document
    .createPrimitive()
    .setAttribute('POSITION', document.createAccessor().setType('VEC3').setArray(box.positions).setBuffer(buffer))
    .setIndices(document.createAccessor().setType('SCALAR').setArray(box.indices).setBuffer(buffer));
  document
    .getRoot()
    .getDefaultScene()!
    .addChild(document.createNode('pedestal').setMesh(document.createMesh('pedestal').addPrimitive(primitive)));
  return document;
}

describe('rigging a model the pre-rig check rejects', () => {
  it('rigs the animal on a pedestal and leaves the pedestal as a static, unskinned part', async () => {
    const document = await foxOnAPedestal();
    expect(analyseRigShape(collectRigMesh(document)).riggable).toBe(false);
    const rigged = await rigModel(document);
    expect(rigged.template).toBe('quadruped');
    expect(rigged.staticPropCount).toBe(1);
    const props = document
      .getRoot()
      .listNodes()
      .find((node) => node.getName() === 'Props')!;
    expect(props.getSkin()).toBeNull();
    expect(props.getMesh()!.listPrimitives()[0].getAttribute('JOINTS_0')).toBeNull();
    const skinned = document
      .getRoot()
      .listNodes()
      .filter((node) => node.getSkin());
    expect(skinned.length).toBeGreaterThan(0);
    // The pedestal's 12 triangles are all in the static node, none under the skin.
    const propTriangles = props
      .getMesh()!
      .listPrimitives()
      .reduce((sum, primitive) => sum + primitive.getIndices()!.getCount() / 3, 0);
    expect(propTriangles).toBe(12);
    expect((await validateGlb(await writeGlb(document))).errors).toEqual([]);
  }, 60_000);

  it("refuses a shape with no character in it, with the check's reasons and a ModelInputError (nothing charged)", async () => {
    const document = (await boxDocument()).setLogger(new Logger(Logger.Verbosity.ERROR));
    const refusal = await rigModel(document).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RigRefusedError);
    expect(refusal).toBeInstanceOf(ModelInputError);
    expect((refusal as RigRefusedError).reasons.length).toBeGreaterThan(0);
    expect((refusal as Error).message).toMatch(/pre-rig check rejects this model/);
  }, 60_000);
});
