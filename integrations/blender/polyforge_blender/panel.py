# The 3D view sidebar (N panel) tab "Polyforge": account and balance, generate, actions on the selected object,
# running jobs with their progress and prices to confirm, and recent messages.
import time

import bpy

from . import jobs, scene_io
from .preferences import preferences
from .properties import inputs
from .reports import MESSAGES

MESSAGE_ICONS = {"INFO": "INFO", "WARNING": "ERROR", "ERROR": "CANCEL"}


class _PolyforgePanel:
    bl_space_type = "VIEW_3D"
    bl_region_type = "UI"
    bl_category = "Polyforge"


class POLYFORGE_PT_account(_PolyforgePanel, bpy.types.Panel):
    bl_label = "Polyforge"

    def draw(self, context):
        layout = self.layout
        prefs = preferences(context)
        if prefs is None or not prefs.api_key:
            layout.label(text="Set the deployment URL and API key", icon="ERROR")
            layout.operator("polyforge.open_preferences", icon="PREFERENCES")
            return
        layout.label(text=prefs.base_url, icon="WORLD")
        state = inputs(context)
        row = layout.row(align=True)
        if state.balance >= 0:
            held = " (%d held)" % state.frozen if state.frozen else ""
            row.label(text="Balance: %d credits%s" % (state.balance, held))
        else:
            row.label(text="Balance: not fetched yet")
        row.operator("polyforge.refresh_balance", text="", icon="FILE_REFRESH")


class POLYFORGE_PT_generate(_PolyforgePanel, bpy.types.Panel):
    bl_label = "Generate"
    bl_parent_id = "POLYFORGE_PT_account"

    def draw(self, context):
        layout = self.layout
        state = inputs(context)
        layout.row().prop(state, "source", expand=True)
        if state.source == "TEXT":
            layout.prop(state, "prompt", text="")
            layout.prop(state, "negative_prompt")
        elif state.source == "IMAGE":
            layout.prop(state, "image_path")
        else:
            for view in ("front", "left", "back", "right"):
                layout.prop(state, view + "_path")
        row = layout.row()
        row.prop(state, "texture")
        row.prop(state, "face_limit")
        layout.operator("polyforge.generate", icon="MESH_MONKEY")


class POLYFORGE_PT_selected(_PolyforgePanel, bpy.types.Panel):
    bl_label = "Selected Object"
    bl_parent_id = "POLYFORGE_PT_account"

    def draw(self, context):
        layout = self.layout
        state = inputs(context)
        obj = context.active_object
        task_id, task_type = scene_io.source_task_of(obj)
        if obj is None:
            layout.label(text="Select an object")
        elif task_id is None:
            layout.label(text="%s is not from Polyforge" % obj.name, icon="INFO")
        else:
            layout.label(text="%s: %s %s" % (obj.name, task_type, task_id[:8]), icon="OBJECT_DATA")
        layout.operator("polyforge.send_selected", icon="EXPORT")

        column = layout.column()
        column.enabled = task_id is not None
        row = column.row(align=True)
        row.prop(state, "convert_format", text="")
        row.operator("polyforge.process", text="Convert").action = "CONVERT"
        row = column.row(align=True)
        row.prop(state, "low_poly_faces")
        row.operator("polyforge.process", text="Low Poly").action = "LOW_POLY"
        column.prop(state, "quad")
        column.operator("polyforge.process", text="Segment").action = "SEGMENT"
        column.prop(state, "texture_prompt")
        column.prop(state, "texture_image_path")
        column.operator("polyforge.process", text="Texture").action = "TEXTURE"
        column.operator("polyforge.process", text="Rig").action = "RIG"
        row = column.row(align=True)
        row.prop(state, "animation", text="")
        if state.animation == "CUSTOM":
            row.prop(state, "custom_animation", text="")
        row.operator("polyforge.process", text="Animate").action = "ANIMATE"


class POLYFORGE_PT_jobs(_PolyforgePanel, bpy.types.Panel):
    bl_label = "Tasks"
    bl_parent_id = "POLYFORGE_PT_account"

    def draw(self, context):
        layout = self.layout
        if not jobs.JOBS and not MESSAGES:
            layout.label(text="Nothing running")
            return
        for job in sorted(jobs.JOBS.values(), key=lambda item: -item.id):
            box = layout.box()
            header = box.row()
            header.label(text=job.label, icon=_job_icon(job))
            if job.active:
                header.operator("polyforge.cancel_job", text="", icon="X").job_id = job.id
            box.label(text=job.status_text)
            if job.state == jobs.STATE_CONFIRM and job.confirmation:
                price = job.confirmation
                if price["balance"] < price["credits"]:
                    box.label(text="Balance %d: not enough credits" % price["balance"], icon="ERROR")
                else:
                    box.label(text="Balance %d credits" % price["balance"])
                row = box.row(align=True)
                spend = row.operator("polyforge.answer_price", text="Spend %d credits" % price["credits"], icon="CHECKMARK")
                spend.job_id, spend.approve = job.id, True
                cancel = row.operator("polyforge.answer_price", text="Cancel", icon="CANCEL")
                cancel.job_id, cancel.approve = job.id, False
        if any(not job.active for job in jobs.JOBS.values()):
            layout.operator("polyforge.clear_jobs", icon="TRASH")
        if MESSAGES:
            column = layout.column(align=True)
            for level, text, when in reversed(MESSAGES[-4:]):
                column.label(text="%s %s" % (time.strftime("%H:%M", time.localtime(when)), text), icon=MESSAGE_ICONS.get(level, "INFO"))


def _job_icon(job):
    if job.state == jobs.STATE_DONE:
        return "CHECKMARK"
    if job.state in (jobs.STATE_FAILED, jobs.STATE_CANCELLED):
        return "CANCEL"
    if job.state == jobs.STATE_CONFIRM:
        return "QUESTION"
    return "SORTTIME"


CLASSES = (POLYFORGE_PT_account, POLYFORGE_PT_generate, POLYFORGE_PT_selected, POLYFORGE_PT_jobs)
