# The panel's buttons: balance, generate, send the selection, one-click post-processes on the selected generated
# object, and the answers to a price (spend / cancel). Each starts a background job and returns at once.
import os
import tempfile

import bpy

from . import jobs, network_access, scene_io, task_plans
from .api_client import PolyforgeClient
from .preferences import download_dir_of, preferences
from .properties import inputs

PROCESS_ACTIONS = [
    ("CONVERT", "Convert", "Convert the model to the chosen format (GLTF and FBX results are imported)"),
    ("LOW_POLY", "Low Poly", "Smart low poly: a clean remesh with the chosen face count"),
    ("SEGMENT", "Segment", "Split the model into named parts"),
    ("TEXTURE", "Texture", "New textures from the texture prompt or reference picture"),
    ("RIG", "Rig", "Check the shape, then add a skeleton with skin weights"),
    ("ANIMATE", "Animate", "Play the chosen animation (rigs the model first when it has no rig)"),
]


class CannotStart(Exception):
    pass


def job_settings(context):
    prefs = preferences(context)
    if prefs is None or not prefs.api_key.strip():
        raise CannotStart("Set the deployment URL and API key in the Polyforge add-on preferences")
    blocked = network_access.blocked_reason(prefs.base_url, *network_access.blender_online_access())
    if blocked:
        raise CannotStart(blocked)
    return jobs.JobSettings(
        base_url=prefs.base_url,
        api_key=prefs.api_key,
        download_dir=download_dir_of(prefs),
        poll_interval_seconds=prefs.poll_interval_seconds,
        confirm_spending=prefs.confirm_spending,
    )


def _start(operator, context, make_plan, job_context=None):
    """Builds the plan on the main thread (paths, selection), then runs it in the background."""
    try:
        settings = job_settings(context)
        plan = make_plan()
    except (CannotStart, task_plans.PlanError, ValueError) as error:
        operator.report({"ERROR"}, str(error))
        return {"CANCELLED"}
    job = jobs.start(plan, settings, job_context)
    operator.report({"INFO"}, "Polyforge: %s started" % job.label)
    return {"FINISHED"}


class POLYFORGE_OT_refresh_balance(bpy.types.Operator):
    """Fetch the account's credit balance"""

    bl_idname = "polyforge.refresh_balance"
    bl_label = "Refresh Balance"

    def execute(self, context):
        try:
            settings = job_settings(context)
        except CannotStart as error:
            self.report({"ERROR"}, str(error))
            return {"CANCELLED"}
        state = inputs(context)

        def apply(balance):
            state.balance = int(balance["balance"])
            state.frozen = int(balance["frozen"])

        client_args = (settings.base_url, settings.api_key, settings.timeout_seconds)
        jobs.call_in_background(lambda: PolyforgeClient(*client_args).balance(), apply, "Balance")
        return {"FINISHED"}


class POLYFORGE_OT_generate(bpy.types.Operator):
    """Generate a model from the prompt, the image or the views (its price is shown before anything is spent)"""

    bl_idname = "polyforge.generate"
    bl_label = "Generate"

    def execute(self, context):
        state = inputs(context)
        absolute = bpy.path.abspath

        def make_plan():
            if state.source == "TEXT":
                return task_plans.text_to_model(state.prompt, state.negative_prompt, state.texture, state.face_limit)
            if state.source == "IMAGE":
                return task_plans.image_to_model(absolute(state.image_path), state.texture, state.face_limit)
            views = {view: absolute(getattr(state, view + "_path")) if getattr(state, view + "_path") else "" for view in task_plans.MULTIVIEW_VIEWS}
            return task_plans.multiview_to_model(views, state.texture, state.face_limit)

        return _start(self, context, make_plan)


class POLYFORGE_OT_send_selected(bpy.types.Operator):
    """Send the selected objects to Polyforge (exported as GLB, imported as a task) so that the actions work on them"""

    bl_idname = "polyforge.send_selected"
    bl_label = "Send to Polyforge"

    @classmethod
    def poll(cls, context):
        return bool(context.selected_objects)

    def execute(self, context):
        def make_plan():
            folder = tempfile.mkdtemp(prefix="polyforge-send-")
            path = os.path.join(folder, "selection.glb")
            names = scene_io.export_selection(context, path)
            return task_plans.import_model(path, names)

        return _start(self, context, make_plan)


class POLYFORGE_OT_process(bpy.types.Operator):
    """Run a Polyforge post-process on the selected generated object"""

    bl_idname = "polyforge.process"
    bl_label = "Polyforge Action"

    action: bpy.props.EnumProperty(items=PROCESS_ACTIONS)

    @classmethod
    def description(cls, context, properties):
        return next(text for key, _name, text in PROCESS_ACTIONS if key == properties.action)

    @classmethod
    def poll(cls, context):
        return scene_io.source_task_of(context.active_object)[0] is not None

    def execute(self, context):
        state = inputs(context)
        source_id, source_type = scene_io.source_task_of(context.active_object)

        def make_plan():
            if self.action == "CONVERT":
                return task_plans.convert(source_id, state.convert_format, quad=state.quad)
            if self.action == "LOW_POLY":
                return task_plans.low_poly(source_id, state.low_poly_faces, state.quad)
            if self.action == "SEGMENT":
                return task_plans.segment(source_id)
            if self.action == "TEXTURE":
                image = bpy.path.abspath(state.texture_image_path) if state.texture_image_path else ""
                return task_plans.texture(source_id, state.texture_prompt, image)
            if self.action == "RIG":
                return task_plans.rig(source_id)
            return task_plans.animate(source_id, source_type, state.chosen_animation())

        return _start(self, context, make_plan, {"source_object": context.active_object.name})


class POLYFORGE_OT_answer_price(bpy.types.Operator):
    """Spend the credits shown and start the task, or cancel it (nothing is charged)"""

    bl_idname = "polyforge.answer_price"
    bl_label = "Answer Price"
    bl_options = {"INTERNAL"}

    job_id: bpy.props.IntProperty()
    approve: bpy.props.BoolProperty()

    def execute(self, context):
        job = jobs.JOBS.get(self.job_id)
        if job is None or job.state != jobs.STATE_CONFIRM:
            self.report({"WARNING"}, "That price is no longer waiting for an answer")
            return {"CANCELLED"}
        job.answer(self.approve)
        return {"FINISHED"}


class POLYFORGE_OT_cancel_job(bpy.types.Operator):
    """Stop this job (a running task is asked to stop; a queued one is refunded)"""

    bl_idname = "polyforge.cancel_job"
    bl_label = "Cancel"
    bl_options = {"INTERNAL"}

    job_id: bpy.props.IntProperty()

    def execute(self, context):
        job = jobs.JOBS.get(self.job_id)
        if job is not None and job.active:
            job.cancel()
        return {"FINISHED"}


class POLYFORGE_OT_clear_jobs(bpy.types.Operator):
    """Remove finished jobs from the list"""

    bl_idname = "polyforge.clear_jobs"
    bl_label = "Clear Finished"

    def execute(self, context):
        jobs.forget_finished()
        return {"FINISHED"}


class POLYFORGE_OT_open_preferences(bpy.types.Operator):
    """Open the add-on preferences (deployment URL and API key)"""

    bl_idname = "polyforge.open_preferences"
    bl_label = "Polyforge Settings"

    def execute(self, context):
        bpy.ops.screen.userpref_show("INVOKE_DEFAULT")
        context.preferences.active_section = "ADDONS"
        bpy.ops.preferences.addon_show(module=__package__)
        return {"FINISHED"}


CLASSES = (
    POLYFORGE_OT_refresh_balance,
    POLYFORGE_OT_generate,
    POLYFORGE_OT_send_selected,
    POLYFORGE_OT_process,
    POLYFORGE_OT_answer_price,
    POLYFORGE_OT_cancel_job,
    POLYFORGE_OT_clear_jobs,
    POLYFORGE_OT_open_preferences,
)
