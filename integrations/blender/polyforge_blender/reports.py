# Messages that arrive after an operator has returned (a task finished or failed) go to Blender's own report area
# (status bar and Info editor) through a short modal operator, and into the panel's recent-messages list.
import time

import bpy

MAX_MESSAGES = 8
# Newest last: (level, text, unix seconds). The panel shows them; tests read them.
MESSAGES = []


class POLYFORGE_OT_report(bpy.types.Operator):
    """Shows a Polyforge message in Blender's report area"""

    bl_idname = "polyforge.report"
    bl_label = "Polyforge Message"
    bl_options = {"INTERNAL"}

    level: bpy.props.EnumProperty(items=[(name, name.title(), "") for name in ("INFO", "WARNING", "ERROR")], default="INFO")
    message: bpy.props.StringProperty()

    def execute(self, context):
        self.report({self.level}, self.message)
        return {"FINISHED"}

    def invoke(self, context, event):
        # Reports of an operator that Python calls and that finishes at once stay with the caller; a modal
        # operator's reports go to the window manager, which shows them in the status bar and the Info editor.
        if context.window is None:
            return self.execute(context)
        self._timer = context.window_manager.event_timer_add(0.01, window=context.window)
        context.window_manager.modal_handler_add(self)
        return {"RUNNING_MODAL"}

    def modal(self, context, event):
        if event.type != "TIMER":
            return {"PASS_THROUGH"}
        context.window_manager.event_timer_remove(self._timer)
        self.report({self.level}, self.message)
        return {"FINISHED"}


def report(level, text):
    """Main thread: records the message and shows it in Blender's report area."""
    MESSAGES.append((level, text, time.time()))
    del MESSAGES[:-MAX_MESSAGES]
    window_manager = bpy.context.window_manager
    window = window_manager.windows[0] if window_manager and window_manager.windows and not bpy.app.background else None
    try:
        if window is not None:
            with bpy.context.temp_override(window=window):
                bpy.ops.polyforge.report("INVOKE_DEFAULT", level=level, message=text)
        else:
            # Headless: Blender prints the report ("Error: ...") and raises it for ERROR, which is expected here.
            bpy.ops.polyforge.report("EXEC_DEFAULT", level=level, message=text)
    except RuntimeError:
        pass


CLASSES = (POLYFORGE_OT_report,)
