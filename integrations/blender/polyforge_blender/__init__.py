# Polyforge for Blender: generate and post-process models on a Polyforge deployment from the 3D view's sidebar.
# bl_info is what Blender 3.4 to 4.1 read; 4.2 and later read blender_manifest.toml beside this file.
bl_info = {
    "name": "Polyforge",
    "author": "Polyforge",
    "version": (0, 1, 0),
    "blender": (3, 4, 0),
    "location": "3D View > Sidebar (N) > Polyforge",
    "description": "Generate 3D models from text, images or views, and convert, reduce, segment, texture, rig and animate them on a Polyforge deployment",
    "category": "3D View",
}

import bpy

from . import apply_results, jobs, operators, panel, preferences, properties, reports, scene_io

_CLASSES = preferences.CLASSES + properties.CLASSES + reports.CLASSES + operators.CLASSES + panel.CLASSES


def register():
    for cls in _CLASSES:
        bpy.utils.register_class(cls)
    properties.register()
    jobs.HANDLERS.update(finish=apply_results.finish, report=reports.report, redraw=scene_io.redraw_panels)


def unregister():
    for job in jobs.JOBS.values():
        if job.active:
            job.cancel()
    if bpy.app.timers.is_registered(jobs.pump):
        bpy.app.timers.unregister(jobs.pump)
    properties.unregister()
    for cls in reversed(_CLASSES):
        bpy.utils.unregister_class(cls)
