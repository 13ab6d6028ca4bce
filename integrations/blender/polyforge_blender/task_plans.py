# What each button asks of the platform, as a plan: files to upload, then task steps whose bodies may use earlier
# results (rig after the rig check, animate after the rig), then what to do with the outcome. No bpy here.
import os

# The order the API expects for multiview views (tripo-api.md §4.4).
MULTIVIEW_VIEWS = ("front", "left", "back", "right")
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".webp")
# Outputs that hold the model, best first (pbr_model > model > base_model, as the official clients choose).
MODEL_OUTPUT_KEYS = ("pbr_model", "model", "base_model")
# Formats Blender imports as they come; the others are saved to the download folder.
IMPORTABLE_EXTENSIONS = (".glb", ".gltf", ".fbx")

# What happens once the last step succeeds.
OUTCOME_IMPORT = "import"  # download the model output and import it into the scene
OUTCOME_TAG = "tag"  # mark the objects that were sent with the import task's id
OUTCOME_NONE = "none"


class PlanError(Exception):
    """A button pressed with inputs that cannot make a task (no prompt, a missing image): nothing was sent."""


class Step:
    def __init__(self, label, build):
        self.label = label
        # build(state) -> task body; state has "uploads" (key -> file reference) and "tasks" (earlier step results).
        self.build = build


class Plan:
    def __init__(self, label, steps, uploads=(), outcome=OUTCOME_IMPORT, tag_objects=(), scratch_dir=None):
        self.label = label
        # A folder of files made only for this plan (an exported selection), removed once they are uploaded.
        self.scratch_dir = scratch_dir
        self.steps = list(steps)
        # (key, local path): uploaded first, in this order.
        self.uploads = list(uploads)
        self.outcome = outcome
        # Names of the scene objects an OUTCOME_TAG plan marks.
        self.tag_objects = list(tag_objects)


def text_to_model(prompt, negative_prompt="", texture=True, face_limit=0):
    prompt = (prompt or "").strip()
    if not prompt:
        raise PlanError("Write a prompt first")
    fields = {"prompt": prompt}
    if negative_prompt.strip():
        fields["negative_prompt"] = negative_prompt.strip()
    fields.update(_generation_fields(texture, face_limit))
    return Plan("Text to model", [Step("Text to model", lambda state: dict(fields, type="text_to_model"))])


def image_to_model(image_path, texture=True, face_limit=0):
    _require_image(image_path, "image")
    fields = _generation_fields(texture, face_limit)
    return Plan(
        "Image to model",
        [Step("Image to model", lambda state: dict(fields, type="image_to_model", file=state["uploads"]["image"]))],
        uploads=[("image", image_path)],
    )


def multiview_to_model(view_paths, texture=True, face_limit=0):
    """view_paths: {"front": path, "left": path, ...}; front and at least one other view are needed."""
    given = [view for view in MULTIVIEW_VIEWS if (view_paths.get(view) or "").strip()]
    if "front" not in given or len(given) < 2:
        raise PlanError("Multiview needs the front view and at least one other view")
    for view in given:
        _require_image(view_paths[view], view + " view")
    fields = _generation_fields(texture, face_limit)

    def build(state):
        files = [state["uploads"].get(view, {}) for view in MULTIVIEW_VIEWS]
        return dict(fields, type="multiview_to_model", files=files)

    return Plan("Multiview to model", [Step("Multiview to model", build)], uploads=[(view, view_paths[view]) for view in given])


def import_model(glb_path, object_names):
    """Sends an exported scene selection: upload, then import_model (free); the objects get its task id."""
    step = Step("Send to Polyforge", lambda state: {"type": "import_model", "file": state["uploads"]["model"]})
    return Plan(
        "Send to Polyforge",
        [step],
        uploads=[("model", glb_path)],
        outcome=OUTCOME_TAG,
        tag_objects=object_names,
        scratch_dir=os.path.dirname(glb_path),
    )


def convert(source_task_id, convert_format="GLTF", face_limit=0, quad=False):
    fields = {"original_model_task_id": source_task_id, "format": convert_format}
    if face_limit > 0:
        fields["face_limit"] = face_limit
    if quad:
        fields["quad"] = True
    return _single("Convert to %s" % convert_format, dict(fields, type="convert_model"))


def low_poly(source_task_id, face_limit=0, quad=False):
    fields = {"type": "highpoly_to_lowpoly", "original_model_task_id": source_task_id}
    if face_limit > 0:
        fields["face_limit"] = face_limit
    if quad:
        fields["quad"] = True
    return _single("Low poly", fields)


def segment(source_task_id):
    return _single("Segment", {"type": "mesh_segmentation", "original_model_task_id": source_task_id})


def texture(source_task_id, text_prompt="", image_path=""):
    text_prompt = (text_prompt or "").strip()
    image_path = (image_path or "").strip()
    if not text_prompt and not image_path:
        raise PlanError("Texture needs a texture prompt or a reference image")
    if image_path:
        _require_image(image_path, "texture image")

    def build(state):
        texture_prompt = {}
        if text_prompt:
            texture_prompt["text"] = text_prompt
        if image_path:
            texture_prompt["image"] = state["uploads"]["texture"]
        return {"type": "texture_model", "original_model_task_id": source_task_id, "texture_prompt": texture_prompt}

    return Plan("Texture", [Step("Texture", build)], uploads=[("texture", image_path)] if image_path else [])


def rig(source_task_id):
    """The rig check (free) picks the rig type, then the rig."""
    return Plan("Rig", [_rig_check_step(source_task_id), _rig_step(source_task_id)])


def animate(source_task_id, source_task_type, animation):
    """A rigged source is animated at once; any other is checked and rigged first (each paid step is confirmed)."""
    if not animation:
        raise PlanError("Choose an animation")
    retarget = Step(
        "Animate",
        lambda state: {
            "type": "animate_retarget",
            "original_model_task_id": state["tasks"]["Rig"]["task_id"] if "Rig" in state["tasks"] else source_task_id,
            "animation": animation,
        },
    )
    if source_task_type == "animate_rig":
        return Plan("Animate", [retarget])
    return Plan("Rig and animate", [_rig_check_step(source_task_id), _rig_step(source_task_id), retarget])


def model_output_url(task):
    output = task.get("output") or {}
    for key in MODEL_OUTPUT_KEYS:
        if isinstance(output.get(key), str):
            return output[key]
    return None


def file_name_for(task, url):
    """`<type>-<first 8 of the id><extension from the URL path>`, e.g. `convert_model-1a2b3c4d.fbx`."""
    path = url.split("?", 1)[0]
    extension = os.path.splitext(path)[1].lower() or ".glb"
    return "%s-%s%s" % (task.get("type", "task"), str(task.get("task_id", ""))[:8], extension)


def file_reference(kind_extension, token):
    return {"type": kind_extension, "file_token": token}


def _single(label, body):
    return Plan(label, [Step(label, lambda state: dict(body))])


def _rig_check_step(source_task_id):
    return Step("Rig check", lambda state: {"type": "animate_prerigcheck", "original_model_task_id": source_task_id})


def _rig_step(source_task_id):
    def build(state):
        check = (state["tasks"].get("Rig check") or {}).get("output") or {}
        body = {"type": "animate_rig", "original_model_task_id": source_task_id}
        if check.get("rig_type"):
            body["rig_type"] = check["rig_type"]
        return body

    return Step("Rig", build)


def _generation_fields(texture_enabled, face_limit):
    fields = {"texture": bool(texture_enabled), "pbr": bool(texture_enabled)}
    if face_limit > 0:
        fields["face_limit"] = int(face_limit)
    return fields


def _require_image(path, what):
    path = (path or "").strip()
    if not path:
        raise PlanError("Choose the %s file" % what)
    if not os.path.isfile(path):
        raise PlanError("No such %s file: %s" % (what, path))
    if os.path.splitext(path)[1].lower() not in IMAGE_EXTENSIONS:
        raise PlanError("The %s must be a PNG, JPEG or WebP file: %s" % (what, path))
