# Add-on preferences: the deployment URL and API key live here (Blender's user preferences), never in a .blend file.
import os
import tempfile

import bpy

ADDON_ID = __package__


class PolyforgePreferences(bpy.types.AddonPreferences):
    bl_idname = ADDON_ID

    base_url: bpy.props.StringProperty(
        name="Deployment URL",
        description="Root URL of the Polyforge server, e.g. https://polyforge.example.com",
        default="http://127.0.0.1:8080",
    )
    api_key: bpy.props.StringProperty(
        name="API Key",
        description="API key (tsk_...) of your Polyforge account; kept in Blender's preferences, not in .blend files",
        subtype="PASSWORD",
    )
    download_dir: bpy.props.StringProperty(
        name="Download Folder",
        description="Where results are saved before import (empty: a polyforge-downloads folder in the system temp folder)",
        subtype="DIR_PATH",
    )
    confirm_spending: bpy.props.BoolProperty(
        name="Confirm Each Price",
        description="Show each task's price and wait for a click before any credits are spent",
        default=True,
    )
    poll_interval_seconds: bpy.props.FloatProperty(
        name="Poll Interval",
        description="Seconds between two status checks of a running task",
        default=1.0,
        min=0.2,
        max=30.0,
    )

    def draw(self, context):
        layout = self.layout
        layout.prop(self, "base_url")
        layout.prop(self, "api_key")
        layout.prop(self, "download_dir")
        row = layout.row()
        row.prop(self, "confirm_spending")
        row.prop(self, "poll_interval_seconds")
        layout.label(text="Remember to save preferences (the key is not saved in .blend files)", icon="INFO")


def preferences(context=None):
    context = context or bpy.context
    addon = context.preferences.addons.get(ADDON_ID)
    return addon.preferences if addon else None


def download_dir_of(prefs):
    folder = bpy.path.abspath(prefs.download_dir) if prefs.download_dir else ""
    return folder or os.path.join(tempfile.gettempdir(), "polyforge-downloads")


CLASSES = (PolyforgePreferences,)
