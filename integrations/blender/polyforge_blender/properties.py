# The panel's inputs (prompt, images, options) and the last balance, on the window manager: session state that is
# not written into .blend files.
import bpy

CONVERT_FORMATS = ("GLTF", "FBX", "OBJ", "STL", "USDZ", "3MF")
# The presets every rig understands (tripo-api.md §4.14); others can be typed in "Custom".
ANIMATIONS = ("preset:idle", "preset:walk", "preset:run", "preset:jump", "preset:climb", "preset:slash", "preset:shoot", "preset:hurt", "preset:fall", "preset:turn", "preset:dive")


class PolyforgeInputs(bpy.types.PropertyGroup):
    source: bpy.props.EnumProperty(
        name="From",
        items=[("TEXT", "Text", "Generate from a prompt"), ("IMAGE", "Image", "Generate from one picture"), ("MULTIVIEW", "Views", "Generate from several views")],
        default="TEXT",
    )
    prompt: bpy.props.StringProperty(name="Prompt", description="What to make, e.g. a red sports car")
    negative_prompt: bpy.props.StringProperty(name="Avoid", description="What the model should not have")
    image_path: bpy.props.StringProperty(name="Image", subtype="FILE_PATH")
    front_path: bpy.props.StringProperty(name="Front", subtype="FILE_PATH")
    left_path: bpy.props.StringProperty(name="Left", subtype="FILE_PATH")
    back_path: bpy.props.StringProperty(name="Back", subtype="FILE_PATH")
    right_path: bpy.props.StringProperty(name="Right", subtype="FILE_PATH")
    texture: bpy.props.BoolProperty(name="Textured", default=True)
    face_limit: bpy.props.IntProperty(name="Face Limit", description="0: the server decides", default=0, min=0, max=1_000_000)

    convert_format: bpy.props.EnumProperty(name="Format", items=[(name, name, "") for name in CONVERT_FORMATS], default="GLTF")
    low_poly_faces: bpy.props.IntProperty(name="Faces", description="Target face count of Low Poly (0: the server decides)", default=2000, min=0, max=1_000_000)
    quad: bpy.props.BoolProperty(name="Quads", description="Quad faces (Low Poly and Convert)", default=False)
    texture_prompt: bpy.props.StringProperty(name="Texture", description="How the new texture looks, e.g. weathered red brick")
    texture_image_path: bpy.props.StringProperty(name="Reference", description="Optional reference picture for the texture", subtype="FILE_PATH")
    animation: bpy.props.EnumProperty(name="Animation", items=[(name, name.split(":")[-1].title(), name) for name in ANIMATIONS] + [("CUSTOM", "Custom", "Type a preset")], default="preset:walk")
    custom_animation: bpy.props.StringProperty(name="Preset", description="Any preset the deployment knows, e.g. preset:biped:wave_goodbye_01")

    balance: bpy.props.IntProperty(name="Balance", default=-1)
    frozen: bpy.props.IntProperty(name="Held", default=0)

    def chosen_animation(self):
        return self.custom_animation.strip() if self.animation == "CUSTOM" else self.animation


def inputs(context=None):
    return (context or bpy.context).window_manager.polyforge


def register():
    bpy.types.WindowManager.polyforge = bpy.props.PointerProperty(type=PolyforgeInputs)


def unregister():
    del bpy.types.WindowManager.polyforge


CLASSES = (PolyforgeInputs,)
