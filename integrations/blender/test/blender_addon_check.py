# Runs inside headless Blender (blender -b --factory-startup --python this -- config.json): installs the packaged
# add-on, drives its operators against a real Polyforge server and writes what it saw to a JSON file for the test.
# Headless Blender runs no timers, so this script calls the add-on's registered timer function itself.
import json
import os
import sys
import time
import traceback

import bpy

CONFIG = json.load(open(sys.argv[sys.argv.index("--") + 1]))
RESULTS = {"steps": {}, "blender": bpy.app.version_string}
STARTED = time.monotonic()


def record(name, **facts):
    facts["at_seconds"] = round(time.monotonic() - STARTED, 2)
    RESULTS["steps"][name] = facts
    save()


def save():
    with open(CONFIG["result_path"], "w") as handle:
        json.dump(RESULTS, handle, indent=1, default=str)


def addon():
    return sys.modules["polyforge_blender"]


def pump_until(predicate, timeout_seconds=60, observe=None):
    jobs = addon().jobs
    deadline = time.monotonic() + timeout_seconds
    while not predicate():
        if observe:
            observe()
        if time.monotonic() > deadline:
            raise TimeoutError("waited %s s; jobs: %s" % (timeout_seconds, [(job.label, job.state, job.status_text) for job in jobs.JOBS.values()]))
        # What runs the add-on's results is its own bpy.app.timers callback; it must be registered while work runs.
        if jobs.busy() and not bpy.app.timers.is_registered(jobs.pump):
            raise AssertionError("work is running but the add-on's timer is not registered")
        jobs.pump()
        time.sleep(0.05)


def latest_job():
    jobs = addon().jobs
    return jobs.JOBS[max(jobs.JOBS)]


def run_job(start, approve=True):
    """Starts a job with `start()`, answers every price it asks (approve or decline), waits for its end."""
    started = time.monotonic()
    start()
    operator_seconds = time.monotonic() - started
    job = latest_job()
    prices = []
    statuses = []

    def observe():
        if job.status_text not in statuses:
            statuses.append(job.status_text)

    while True:
        pump_until(lambda: job.state != addon().jobs.STATE_WORKING, observe=observe)
        if job.state != addon().jobs.STATE_CONFIRM:
            break
        prices.append(dict(job.confirmation))
        bpy.ops.polyforge.answer_price(job_id=job.id, approve=approve)
    return {
        "state": job.state,
        "status": job.status_text,
        "prices": prices,
        "spent": job.spent_credits,
        "task_ids": list(job.task_ids),
        "statuses": statuses,
        "operator_seconds": round(operator_seconds, 3),
    }


def tagged(task_id):
    return [obj for obj in bpy.data.objects if obj.get("polyforge_task_id") == task_id]


def scene_facts(objects):
    materials = {slot.material.name for obj in objects for slot in obj.material_slots if slot.material}
    armatures = [obj for obj in objects if obj.type == "ARMATURE"]
    animated = [obj for obj in objects if obj.animation_data and (obj.animation_data.action or obj.animation_data.nla_tracks)]
    return {
        "objects": len(objects),
        "meshes": len([obj for obj in objects if obj.type == "MESH"]),
        "materials": len(materials),
        "textured_materials": len([name for name in materials if any(node.type == "TEX_IMAGE" and node.image for node in bpy.data.materials[name].node_tree.nodes)]),
        "armatures": len(armatures),
        "bones": sum(len(obj.data.bones) for obj in armatures),
        "animated_objects": len(animated),
        "skinned_meshes": len([obj for obj in objects if obj.type == "MESH" and any(modifier.type == "ARMATURE" for modifier in obj.modifiers)]),
    }


def select_only(obj):
    for other in bpy.context.view_layer.objects:
        other.select_set(False)
    obj.select_set(True)
    bpy.context.view_layer.objects.active = obj


def last_message():
    level, text, _when = addon().reports.MESSAGES[-1]
    return {"level": level, "text": text}


def write_disc_png(path):
    """A dark disc on white, 96 px: a silhouette the image and multiview generators can read."""
    size = 96
    pixels = []
    for y in range(size):
        for x in range(size):
            inside = (x - size / 2) ** 2 + (y - size / 2) ** 2 < (size / 3) ** 2
            pixels.extend((0.6, 0.1, 0.1, 1.0) if inside else (1.0, 1.0, 1.0, 1.0))
    image = bpy.data.images.new("polyforge-disc", size, size)
    image.pixels[:] = pixels
    image.filepath_raw = path
    image.file_format = "PNG"
    image.save()
    bpy.data.images.remove(image)
    return path


def check_panels():
    """Draws every panel into a recording layout: property and icon names must exist in this Blender."""
    icons = set(bpy.types.UILayout.bl_rna.functions["label"].parameters["icon"].enum_items.keys())
    problems = []

    class Layout:
        def __init__(self):
            self.enabled = True

        def _check_icon(self, icon):
            if icon and icon not in icons:
                problems.append("unknown icon " + icon)

        def row(self, **_):
            return Layout()

        column = box = row

        def label(self, text="", icon="NONE"):
            self._check_icon(icon)

        def prop(self, data, name, **options):
            if name not in data.bl_rna.properties:
                problems.append("unknown property " + name)
            self._check_icon(options.get("icon"))

        def operator(self, idname, text=None, icon="NONE"):
            self._check_icon(icon)
            category, name = idname.split(".")
            if not hasattr(getattr(bpy.ops, category), name):
                problems.append("unknown operator " + idname)

            class Properties:
                pass

            return Properties()

    drawn = 0
    for panel_class in addon().panel.CLASSES:
        # A registered Panel cannot be made outside a region: draw() gets a stand-in with the recording layout.
        panel_class.draw(type("RecordingPanel", (), {"layout": Layout()})(), bpy.context)
        drawn += 1
    return {"panels": drawn, "problems": problems}


def main():
    bpy.ops.preferences.addon_install(filepath=CONFIG["zip_path"], overwrite=True)
    bpy.ops.preferences.addon_enable(module="polyforge_blender")
    prefs = bpy.context.preferences.addons["polyforge_blender"].preferences
    record("install", module_file=addon().__file__, version=list(addon().bl_info["version"]))

    prefs.base_url = CONFIG["base_url"]
    prefs.api_key = CONFIG["api_key"]
    prefs.download_dir = CONFIG["download_dir"]
    prefs.poll_interval_seconds = 0.2
    state = bpy.context.window_manager.polyforge

    bpy.ops.polyforge.refresh_balance()
    pump_until(lambda: not addon().jobs.busy())
    record("balance", balance=state.balance, frozen=state.frozen, panels=check_panels())

    state.source = "TEXT"
    state.prompt = CONFIG["prompt"]
    generated = run_job(lambda: bpy.ops.polyforge.generate())
    generated["scene"] = scene_facts(tagged(generated["task_ids"][-1])) if generated["task_ids"] else {}
    record("generate", **generated)

    robot = next(obj for obj in tagged(generated["task_ids"][-1]) if obj.type == "MESH")
    select_only(robot)
    state.animation = "preset:walk"
    animated = run_job(lambda: bpy.ops.polyforge.process(action="ANIMATE"))
    animated["scene"] = scene_facts(tagged(animated["task_ids"][-1])) if animated["task_ids"] else {}
    animated["actions"] = sorted(action.name for action in bpy.data.actions)
    record("animate", **animated)

    # Pictures: uploaded and priced (the server checks the body and its file tokens), then declined: nothing is spent.
    image_path = write_disc_png(os.path.join(CONFIG["download_dir"], "disc.png"))
    state.source = "IMAGE"
    state.image_path = image_path
    from_image = run_job(lambda: bpy.ops.polyforge.generate(), approve=False)
    state.source = "MULTIVIEW"
    state.front_path = image_path
    state.right_path = image_path
    from_views = run_job(lambda: bpy.ops.polyforge.generate(), approve=False)
    bpy.ops.polyforge.refresh_balance()
    pump_until(lambda: not addon().jobs.busy())
    record("declined_pictures", image=from_image, views=from_views, balance_after=state.balance)

    # The other one-click actions on the generated robot: each body is checked and priced by the server, then declined.
    state.texture_prompt = "weathered red brick"
    declined_actions = {}
    for action in ("LOW_POLY", "SEGMENT", "TEXTURE"):
        select_only(robot)
        declined_actions[action] = run_job(lambda: bpy.ops.polyforge.process(action=action), approve=False)["prices"]
    record("declined_actions", **declined_actions)

    bpy.ops.mesh.primitive_cube_add(size=2.0)
    cube = bpy.context.active_object
    cube.name = "PolyforgeTestCube"
    select_only(cube)
    sent = run_job(lambda: bpy.ops.polyforge.send_selected())
    sent["cube_task"] = [cube.get("polyforge_task_id"), cube.get("polyforge_task_type")]
    record("send", **sent)

    state.convert_format = "GLTF"
    converted = run_job(lambda: bpy.ops.polyforge.process(action="CONVERT"))
    back = tagged(converted["task_ids"][-1]) if converted["task_ids"] else []
    converted["scene"] = scene_facts(back)
    converted["triangles"] = sum(len(polygon.vertices) - 2 for obj in back if obj.type == "MESH" for polygon in obj.data.polygons)
    record("convert", **converted)

    # The key lives in the add-on preferences only: a saved .blend must not contain it.
    blend_path = os.path.join(CONFIG["download_dir"], "scene.blend")
    bpy.ops.wm.save_as_mainfile(filepath=blend_path, compress=False)
    with open(blend_path, "rb") as handle:
        blend = handle.read()
    record("blend_file", size=len(blend), has_key=CONFIG["api_key"].encode() in blend, has_task_id=generated["task_ids"][-1].encode() in blend)

    prefs.api_key = "tsk_not_a_real_key"
    bpy.ops.polyforge.refresh_balance()
    pump_until(lambda: not addon().jobs.busy())
    record("bad_key", message=last_message())

    prefs.api_key = CONFIG["broke_api_key"]
    state.source = "TEXT"
    broke = run_job(lambda: bpy.ops.polyforge.generate())
    broke["message"] = last_message()
    record("no_credits", **broke)

    prefs.api_key = ""
    try:
        bpy.ops.polyforge.generate()
        no_key = "no error"
    except RuntimeError as error:
        no_key = str(error)
    record("no_key", error=no_key)

    record("manifest", **installed_manifest())
    record("online_access", **online_access_rules())
    record("as_extension", **run_as_extension())


def installed_manifest():
    """The installed manifest read with tomllib, the parser Blender 4.2+ reads it with."""
    import tomllib

    folder = os.path.dirname(addon().__file__)
    with open(os.path.join(folder, "blender_manifest.toml"), "rb") as handle:
        manifest = tomllib.load(handle)
    return {"manifest": manifest, "bl_info_version": ".".join(map(str, addon().bl_info["version"]))}


def online_access_rules():
    """Blender 3.4 has no online-access setting (4.2 added it): the add-on's rule is checked with given values."""
    network_access = addon().network_access
    urls = ("https://polyforge.example.com", "http://127.0.0.1:8080", "http://localhost:9000", "http://[::1]:8080")
    return {
        "blender_has_setting": hasattr(bpy.app, "online_access"),
        "read_here": list(network_access.blender_online_access()),
        "offline": {url: network_access.blocked_reason(url, False, False) for url in urls},
        "forced_offline": network_access.blocked_reason(urls[0], False, True),
        "online": {url: network_access.blocked_reason(url, True, False) for url in urls},
    }


def run_as_extension():
    """Blender 4.2 loads an extension as bl_ext.<repository>.<id>, so __package__ (and the preferences' name) is the
    full dotted name. Blender 3.4 cannot install extensions; this loads the installed files under that name the way
    4.2 does (a namespace of repositories, an add-on entry named after the module), then reads the balance with
    preferences found through that name."""
    import importlib
    import types

    bpy.ops.preferences.addon_disable(module="polyforge_blender")
    repositories = os.path.dirname(os.path.dirname(addon().__file__))
    name = "bl_ext.user_default.polyforge_blender"
    for package, path in (("bl_ext", []), ("bl_ext.user_default", [repositories])):
        module = types.ModuleType(package)
        module.__path__ = path
        sys.modules[package] = module
    extension = importlib.import_module(name)
    entry = bpy.context.preferences.addons.new()
    entry.module = name
    extension.register()
    try:
        prefs = extension.preferences.preferences()
        facts = {
            "package": extension.__package__,
            "preferences_id": extension.preferences.ADDON_ID,
            "found_preferences": prefs is not None and prefs == bpy.context.preferences.addons[name].preferences,
        }
        prefs.base_url = CONFIG["base_url"]
        prefs.api_key = CONFIG["api_key"]
        state = bpy.context.window_manager.polyforge
        state.balance = -1
        bpy.ops.polyforge.refresh_balance()
        jobs = extension.jobs
        deadline = time.monotonic() + 30
        while jobs.busy() and time.monotonic() < deadline:
            jobs.pump()
            time.sleep(0.05)
        facts["balance"] = state.balance
        return facts
    finally:
        extension.unregister()
        bpy.context.preferences.addons.remove(entry)


try:
    main()
    RESULTS["ok"] = True
except Exception:
    RESULTS["exception"] = traceback.format_exc()
finally:
    RESULTS["seconds"] = round(time.monotonic() - STARTED, 2)
    save()
