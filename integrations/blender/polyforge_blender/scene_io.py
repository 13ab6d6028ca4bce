# The scene side (main thread only): export the selection as GLB, import results with Blender's own glTF and FBX
# importers, and keep each object's task id as a custom property so that the next action knows its source.
import contextlib
import os

import bpy

TASK_ID_PROPERTY = "polyforge_task_id"
TASK_TYPE_PROPERTY = "polyforge_task_type"


def source_task_of(obj):
    """(task id, task type) of the object or its nearest parent made by Polyforge, else (None, None)."""
    while obj is not None:
        task_id = obj.get(TASK_ID_PROPERTY)
        if task_id:
            return str(task_id), str(obj.get(TASK_TYPE_PROPERTY, ""))
        obj = obj.parent
    return None, None


def export_selection(context, path):
    """The selected objects as one GLB (Blender's glTF exporter, options every 3.4–4.x version shares)."""
    names = [obj.name for obj in context.selected_objects]
    if not names:
        raise ValueError("Select the objects to send first")
    # Animations only when there are some: the exporter otherwise samples a still object into a clip of its own.
    animated = any(obj.animation_data and obj.animation_data.action for obj in context.selected_objects)
    bpy.ops.export_scene.gltf(filepath=path, export_format="GLB", use_selection=True, export_animations=animated)
    if not os.path.isfile(path):
        raise ValueError("Blender's glTF exporter wrote nothing")
    return names


def import_result(path, task):
    """Imports a downloaded model; every new object gets the task's id and type. Returns the new objects."""
    before = set(bpy.data.objects)
    _deselect_all()
    extension = os.path.splitext(path)[1].lower()
    if extension in (".glb", ".gltf"):
        with _numpy_bool_alias():
            bpy.ops.import_scene.gltf(filepath=path)
    elif extension == ".fbx":
        bpy.ops.import_scene.fbx(filepath=path)
    else:
        raise ValueError("Blender cannot import %s files here; the file is saved at %s" % (extension, path))
    created = [obj for obj in bpy.data.objects if obj not in before]
    tag(created, task)
    return created


def tag(objects, task):
    for obj in objects:
        obj[TASK_ID_PROPERTY] = str(task["task_id"])
        obj[TASK_TYPE_PROPERTY] = str(task.get("type", ""))


def tag_named(names, task):
    objects = [bpy.data.objects[name] for name in names if name in bpy.data.objects]
    tag(objects, task)
    return objects


def describe_import(objects):
    """e.g. "3 objects, 2 materials, 1 armature, 1 action"."""
    materials = {slot.material for obj in objects for slot in getattr(obj, "material_slots", []) if slot.material}
    armatures = [obj for obj in objects if obj.type == "ARMATURE"]
    actions = {obj.animation_data.action for obj in objects if obj.animation_data and obj.animation_data.action}
    actions |= {
        strip.action
        for obj in objects
        if obj.animation_data
        for track in obj.animation_data.nla_tracks
        for strip in track.strips
        if strip.action
    }
    parts = [_count(len(objects), "object"), _count(len(materials), "material")]
    if armatures:
        parts.append(_count(len(armatures), "armature"))
    if actions:
        parts.append(_count(len(actions), "action"))
    return ", ".join(parts)


def redraw_panels():
    """Asks every 3D view to redraw, so that the sidebar shows the latest progress."""
    window_manager = bpy.context.window_manager
    if window_manager is None:
        return
    for window in window_manager.windows:
        screen = window.screen
        if screen is None:
            continue
        for area in screen.areas:
            if area.type == "VIEW_3D":
                area.tag_redraw()


@contextlib.contextmanager
def _numpy_bool_alias():
    """Blender 3.4's glTF importer uses numpy.bool, which NumPy 1.24 to 1.26 removed: Linux distributions that build
    Blender against their own NumPy (Debian's blender 3.4 does) fail every import without it. The alias (the builtin
    bool, as it was) exists only for the import's duration, and only where NumPy lacks it."""
    try:
        import numpy
    except ImportError:
        yield
        return
    added = "bool" not in vars(numpy)
    if added:
        numpy.bool = bool
    try:
        yield
    finally:
        if added:
            del numpy.bool


def _deselect_all():
    for obj in bpy.context.view_layer.objects:
        obj.select_set(False)


def _count(number, noun):
    return "%d %s%s" % (number, noun, "" if number == 1 else "s")
