// FBX input: files from our own writer and, when Blender is installed, files Blender's exporter wrote.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { skinnedAnimatedDocument, texturedCubeDocument } from '../../test/fixtures/build-fixtures.ts';
import { hasAssimp } from '../../test/fixtures/assimp-info.ts';
import { validateGlb } from '../../test/fixtures/validate-glb.ts';
import { modelStats } from '../mesh/model-stats.ts';
import { readModel } from './read-model.ts';
import { writeFbx } from '../formats/fbx/write-fbx.ts';
import { writeGlb } from '../formats/glb/write-glb.ts';
import { hasTool } from '../../test/fixtures/required-tool.ts';

const hasBlender = hasTool('blender');
const scratch = mkdtempSync(join(tmpdir(), 'polyforge-read-fbx-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('readModel(fbx)', () => {
  it('reads a textured FBX: triangles, UVs, normals and the embedded texture bytes', async () => {
    const source = texturedCubeDocument();
    const document = await readModel(writeFbx(source), 'fbx');
    const stats = modelStats(document);
    expect(stats.triangleCount).toBe(12);
    expect(stats.textureCount).toBe(1);
    const material = document.getRoot().listMaterials()[0]!;
    const originalImage = source.getRoot().listTextures()[0]!.getImage()!;
    expect(Buffer.from(material.getBaseColorTexture()!.getImage()!).equals(Buffer.from(originalImage))).toBe(true);
    const primitive = document.getRoot().listMeshes()[0]!.listPrimitives()[0]!;
    expect(primitive.getAttribute('TEXCOORD_0')).not.toBeNull();
    expect(primitive.getAttribute('NORMAL')).not.toBeNull();
    expect(stats.boundingBox.min.map((value) => Number(value.toFixed(4)))).toEqual([-0.5, -0.5, -0.5]);
    expect((await validateGlb(await writeGlb(document))).errors).toEqual([]);
  });

  it('keeps the skeleton, the skin weights and the animation of a skinned FBX', async () => {
    const document = await readModel(writeFbx(skinnedAnimatedDocument()), 'fbx');
    const root = document.getRoot();
    expect(root.listSkins()).toHaveLength(1);
    expect(root.listSkins()[0]!.listJoints().length).toBeGreaterThanOrEqual(2);
    expect(root.listAnimations().map((animation) => animation.getName())).toEqual(['bend']);
    const weights = root.listMeshes()[0]!.listPrimitives()[0]!.getAttribute('WEIGHTS_0')!;
    for (let index = 0; index < weights.getCount(); index++) {
      const sum = (weights.getElement(index, []) as number[]).reduce((total, weight) => total + weight, 0);
      expect(sum).toBeCloseTo(1, 5);
    }
    expect((await validateGlb(await writeGlb(document))).errors).toEqual([]);
  });

  it.skipIf(!hasAssimp)('reads ASCII FBX, as assimp writes it, without the lights it declares', async () => {
    const glbPath = join(scratch, 'cube.glb');
    const fbxPath = join(scratch, 'cube-ascii.fbx');
    writeFileSync(glbPath, await writeGlb(texturedCubeDocument()));
    execFileSync('assimp', ['export', glbPath, fbxPath, '-ffbxa'], { encoding: 'utf8' });
    expect(readFileSync(fbxPath, 'latin1').startsWith('; FBX 7')).toBe(true);
    const document = await readModel(new Uint8Array(readFileSync(fbxPath)), 'fbx');
    expect(modelStats(document).triangleCount).toBe(12);
    expect(
      document
        .getRoot()
        .listNodes()
        .every((node) => !node.getExtension('KHR_lights_punctual')),
    ).toBe(true);
    expect((await validateGlb(await writeGlb(document))).errors).toEqual([]);
  });

  it.skipIf(!hasBlender)(
    'reads what Blender exports: a textured, rigged and animated Suzanne',
    { timeout: 120_000 },
    async () => {
      const fbxPath = join(scratch, 'suzanne.fbx');
      const texturePath = join(scratch, 'checker.png');
      const script = `
import bpy
bpy.ops.wm.read_factory_settings(use_empty=True)
bpy.ops.mesh.primitive_monkey_add(size=2)
mesh = bpy.context.active_object
bpy.ops.object.modifier_add(type='TRIANGULATE')
bpy.ops.object.modifier_apply(modifier=mesh.modifiers[0].name)
print('POLYFORGE_TRIANGLES', len(mesh.data.polygons))
bpy.ops.mesh.uv_texture_add()
image = bpy.data.images.new('checker', 8, 8)
image.generated_type = 'COLOR_GRID'
image.filepath_raw = ${JSON.stringify(texturePath)}
image.file_format = 'PNG'
image.save()
material = bpy.data.materials.new('skin')
material.use_nodes = True
texture = material.node_tree.nodes.new('ShaderNodeTexImage')
texture.image = image
material.node_tree.links.new(texture.outputs['Color'], material.node_tree.nodes['Principled BSDF'].inputs['Base Color'])
mesh.data.materials.append(material)
bpy.ops.object.armature_add(location=(0, 0, -1))
armature = bpy.context.active_object
bpy.ops.object.mode_set(mode='EDIT')
armature.data.edit_bones[0].tail = (0, 0, 1)
child = armature.data.edit_bones.new('Head')
child.head = (0, 0, 1)
child.tail = (0, 0, 2)
child.parent = armature.data.edit_bones[0]
bpy.ops.object.mode_set(mode='OBJECT')
mesh.select_set(True)
armature.select_set(True)
bpy.context.view_layer.objects.active = armature
bpy.ops.object.parent_set(type='ARMATURE_AUTO')
bpy.ops.object.mode_set(mode='POSE')
head = armature.pose.bones['Head']
head.rotation_mode = 'XYZ'
head.keyframe_insert('rotation_euler', frame=1)
head.rotation_euler = (0.6, 0, 0)
head.keyframe_insert('rotation_euler', frame=20)
bpy.ops.object.mode_set(mode='OBJECT')
bpy.ops.export_scene.fbx(filepath=${JSON.stringify(fbxPath)}, path_mode='COPY', embed_textures=True, bake_anim=True)
`;
      const log = execFileSync('blender', ['-b', '--factory-startup', '--python-expr', script], {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
      const blenderTriangles = Number(/POLYFORGE_TRIANGLES (\d+)/.exec(log)?.[1]);
      const document = await readModel(new Uint8Array(readFileSync(fbxPath)), 'fbx');
      const stats = modelStats(document);
      expect(blenderTriangles).toBeGreaterThan(900);
      expect(stats.triangleCount).toBe(blenderTriangles);
      expect(stats.textureCount).toBe(1);
      expect(document.getRoot().listSkins()).toHaveLength(1);
      expect(document.getRoot().listAnimations().length).toBeGreaterThanOrEqual(1);
      // Blender's FBX is Y-up in centimetres-as-units; Suzanne (size 2) spans about 2.7 × 2 × 1.7 units.
      const extent = stats.boundingBox.max.map((value, axis) => value - stats.boundingBox.min[axis]!);
      expect(Math.max(...extent)).toBeGreaterThan(2);
      expect((await validateGlb(await writeGlb(document))).errors).toEqual([]);
    },
  );
});
