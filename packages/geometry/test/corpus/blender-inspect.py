# Run by blender-corpus.test.ts inside one headless Blender (`blender -b --factory-startup --python this -- files`):
# imports each file into an empty scene and prints, per file, what Blender made of it: meshes, faces, materials,
# the Principled BSDF inputs that receive an image (through any chain of nodes), images, armatures, bones and
# actions, as one JSON line starting with RESULT.
import json
import sys

import bpy

try:  # Debian's Blender 3.4 glTF importer needs numpy.bool, which NumPy 1.24 removed
    import numpy
    if "bool" not in vars(numpy):
        numpy.bool = bool
except ImportError:
    pass

IMPORTERS = {
    ".fbx": lambda path: bpy.ops.import_scene.fbx(filepath=path),
    ".obj": lambda path: bpy.ops.wm.obj_import(filepath=path),
    ".glb": lambda path: bpy.ops.import_scene.gltf(filepath=path),
    ".stl": lambda path: bpy.ops.import_mesh.stl(filepath=path),
}


def linked_image_inputs(material):
    """Principled BSDF input names fed, directly or through other nodes, by an image texture."""
    if not material or not material.use_nodes:
        return []
    fed = set()
    for node in material.node_tree.nodes:
        if node.type != "BSDF_PRINCIPLED":
            continue
        for socket in node.inputs:
            stack = [link.from_node for link in socket.links]
            seen = set()
            while stack:
                current = stack.pop()
                if current.name in seen:
                    continue
                seen.add(current.name)
                if current.type == "TEX_IMAGE" and current.image:
                    fed.add(socket.name)
                    break
                for input_socket in current.inputs:
                    stack.extend(link.from_node for link in input_socket.links)
    return sorted(fed)


def inspect(path):
    bpy.ops.wm.read_factory_settings(use_empty=True)
    IMPORTERS[path[path.rfind("."):].lower()](path)
    meshes = [obj for obj in bpy.data.objects if obj.type == "MESH"]
    armatures = [obj for obj in bpy.data.objects if obj.type == "ARMATURE"]
    materials = sorted({slot.material.name for obj in meshes for slot in obj.material_slots if slot.material})
    bounds = [[min(v[axis] for obj in meshes for v in (obj.matrix_world @ vertex.co for vertex in obj.data.vertices)) for axis in range(3)],
              [max(v[axis] for obj in meshes for v in (obj.matrix_world @ vertex.co for vertex in obj.data.vertices)) for axis in range(3)]]
    return {
        "meshes": len(meshes),
        "faces": sum(len(obj.data.polygons) for obj in meshes),
        "materials": materials,
        "inputs": {name: linked_image_inputs(bpy.data.materials[name]) for name in materials},
        "images": len([image for image in bpy.data.images if image.size[0] > 0]),
        "bones": sum(len(obj.data.bones) for obj in armatures),
        "skinned": sum(1 for obj in meshes if any(mod.type == "ARMATURE" for mod in obj.modifiers)),
        "actions": sorted(action.name for action in bpy.data.actions),
        "bounds": bounds,
    }


files = sys.argv[sys.argv.index("--") + 1:]
results = {}
for path in files:
    try:
        results[path] = inspect(path)
    except Exception as error:  # one broken import must not hide the others' results
        results[path] = {"error": repr(error)}
print("RESULT" + json.dumps(results))
