# Blender 4.2 added "Allow Online Access" (Preferences > System > Network, bpy.app.online_access), which add-ons are
# expected to respect; older versions have no such setting and always allow. A deployment on this machine's loopback
# is not online, so it stays reachable either way.
import ipaddress
import urllib.parse

import bpy


def blender_online_access():
    """(allowed, forced from the command line): Blender's setting, or (True, False) before 4.2."""
    return getattr(bpy.app, "online_access", True), getattr(bpy.app, "online_access_overriden", False)


def blocked_reason(base_url, online_access, forced_offline):
    """Why Blender's online-access setting forbids reaching base_url, or None when it may be reached."""
    if online_access or is_loopback(base_url):
        return None
    host = urllib.parse.urlsplit((base_url or "").strip()).hostname or base_url
    if forced_offline:
        return "Blender was started with --offline-mode, so Polyforge may not reach %s" % host
    return "Online access is off: allow it in Preferences > System > Network to reach %s" % host


def is_loopback(base_url):
    host = urllib.parse.urlsplit((base_url or "").strip()).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
