# What a finished job does to the scene (main thread, from the timer): import the model, or mark the objects that
# were sent; returns the line shown in the report area.
import os

import bpy

from . import scene_io, task_plans


def finish(job, result):
    task = result["task"]
    spent = " (%d credits)" % job.spent_credits if job.spent_credits else " (free)"
    if job.plan.outcome == task_plans.OUTCOME_TAG:
        objects = scene_io.tag_named(job.plan.tag_objects, task)
        return "%d object%s linked to task %s%s" % (len(objects), "" if len(objects) == 1 else "s", task["task_id"], spent)
    path = result["path"]
    if os.path.splitext(path)[1].lower() not in task_plans.IMPORTABLE_EXTENSIONS:
        return "saved %s%s" % (path, spent)
    objects = _in_main_window(lambda: scene_io.import_result(path, task))
    check = (result["tasks"].get("Rig check") or {}).get("output") or {}
    rig = ", rig type %s" % check["rig_type"] if check.get("rig_type") else ""
    return "imported %s from task %s%s%s" % (scene_io.describe_import(objects), task["task_id"], rig, spent)


def _in_main_window(work):
    """Timers run without a window in the context; importers want one (its scene and view layer) when there is one."""
    window_manager = bpy.context.window_manager
    if bpy.app.background or window_manager is None or not window_manager.windows:
        return work()
    with bpy.context.temp_override(window=window_manager.windows[0]):
        return work()
