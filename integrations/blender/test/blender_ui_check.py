# Runs inside Blender with a window (under Xvfb): the add-on's own bpy.app.timers callback drives a job, the
# sidebar panels draw, and an error reaches Blender's report list (read back through an Info editor).
import json
import sys
import time
import traceback

import bpy

CONFIG = json.load(open(sys.argv[sys.argv.index("--") + 1]))
RESULTS = {"prices": [], "statuses": []}
STATE = {"phase": "balance", "since": time.monotonic()}


def save():
    with open(CONFIG["result_path"], "w") as handle:
        json.dump(RESULTS, handle, indent=1)


def addon():
    return sys.modules["polyforge_blender"]


def window():
    return bpy.context.window_manager.windows[0]


def reports_text():
    """Blender's report list as the Info editor shows it (select all, copy to the clipboard)."""
    area = next(area for area in window().screen.areas if area.type in ("INFO", "DOPESHEET_EDITOR", "TIMELINE"))
    area.type = "INFO"
    region = next(region for region in area.regions if region.type == "WINDOW")
    with bpy.context.temp_override(window=window(), area=area, region=region):
        bpy.ops.info.select_all(action="SELECT")
        bpy.ops.info.report_copy()
    return bpy.context.window_manager.clipboard


def show_sidebar():
    for area in window().screen.areas:
        if area.type == "VIEW_3D":
            area.spaces.active.show_region_ui = True
            for region in area.regions:
                if region.type == "UI" and hasattr(region, "active_panel_category"):
                    region.active_panel_category = "Polyforge"
            area.tag_redraw()


def finish():
    RESULTS["timer_registered_at_end"] = bpy.app.timers.is_registered(addon().jobs.pump)
    save()
    bpy.ops.wm.quit_blender()
    return None


def drive():
    """A timer of this script: one phase per call; the add-on's work itself runs from the add-on's own timer."""
    try:
        phase = STATE["phase"]
        jobs = addon().jobs
        if phase == "balance":
            show_sidebar()
            bpy.ops.polyforge.refresh_balance()
            RESULTS["pump_registered"] = bpy.app.timers.is_registered(jobs.pump)
            STATE["phase"] = "bad-key-report"
        elif phase == "bad-key-report":
            if jobs.busy():
                return 0.1
            RESULTS["reports_after_bad_key"] = reports_text()
            bpy.context.preferences.addons["polyforge_blender"].preferences.api_key = CONFIG["api_key"]
            bpy.context.window_manager.polyforge.prompt = CONFIG["prompt"]
            with bpy.context.temp_override(window=window()):
                bpy.ops.polyforge.generate()
            STATE["phase"] = "generate"
        elif phase == "generate":
            job = jobs.JOBS[max(jobs.JOBS)]
            if job.state == jobs.STATE_CONFIRM:
                RESULTS["prices"].append(dict(job.confirmation))
                bpy.ops.polyforge.answer_price(job_id=job.id, approve=True)
            elif job.active:
                if job.status_text not in RESULTS["statuses"]:
                    RESULTS["statuses"].append(job.status_text)
            else:
                RESULTS["job"] = {"state": job.state, "status": job.status_text}
                RESULTS["imported"] = len([obj for obj in bpy.data.objects if obj.get("polyforge_task_id")])
                STATE["phase"] = "final-report"
                return 0.5
        elif phase == "final-report":
            RESULTS["reports_final"] = reports_text()
            return finish()
        if time.monotonic() - STATE["since"] > 60:
            RESULTS["exception"] = "timed out in phase " + phase
            return finish()
        return 0.1
    except Exception:
        RESULTS["exception"] = traceback.format_exc()
        return finish()


bpy.ops.preferences.addon_install(filepath=CONFIG["zip_path"], overwrite=True)
bpy.ops.preferences.addon_enable(module="polyforge_blender")
prefs = bpy.context.preferences.addons["polyforge_blender"].preferences
prefs.base_url = CONFIG["base_url"]
prefs.api_key = "tsk_not_a_real_key"
prefs.download_dir = CONFIG["download_dir"]
prefs.poll_interval_seconds = 0.2
bpy.app.timers.register(drive, first_interval=0.5)
