"""Writes a binary glTF 2.0 (GLB) file with one indexed, lit mesh: JSON chunk + BIN chunk, by hand with struct and
json (glTF 2.0 spec, "GLB File Format Specification"), so the SDK needs nothing beyond the standard library."""

import json
import struct

_FLOAT, _UINT32 = 5126, 5125
_ARRAY_BUFFER, _ELEMENT_ARRAY_BUFFER = 34962, 34963


def _pad(data, byte):
    return data + byte * ((4 - len(data) % 4) % 4)


def write_glb(positions, normals, indices, colour=(0.7, 0.7, 0.7), name="mesh"):
    """positions, normals: flat lists of floats (x, y, z per vertex); indices: flat list of ints (3 per triangle)."""
    if len(positions) != len(normals) or len(positions) % 3 or len(indices) % 3:
        raise ValueError("positions and normals need 3 floats per vertex, indices 3 per triangle")
    vertex_count = len(positions) // 3
    position_bytes = struct.pack("<%df" % len(positions), *positions)
    normal_bytes = struct.pack("<%df" % len(normals), *normals)
    index_bytes = struct.pack("<%dI" % len(indices), *indices)
    minimum = [min(positions[axis::3]) for axis in range(3)]
    maximum = [max(positions[axis::3]) for axis in range(3)]
    binary = position_bytes + normal_bytes + index_bytes
    document = {
        "asset": {"version": "2.0", "generator": "polyforge-worker-sdk-python"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0, "name": name}],
        "meshes": [{"name": name, "primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1}, "indices": 2, "material": 0}]}],
        "materials": [{"name": name, "pbrMetallicRoughness": {"baseColorFactor": list(colour) + [1.0], "metallicFactor": 0.0, "roughnessFactor": 0.6}}],
        "buffers": [{"byteLength": len(binary)}],
        "bufferViews": [
            {"buffer": 0, "byteOffset": 0, "byteLength": len(position_bytes), "target": _ARRAY_BUFFER},
            {"buffer": 0, "byteOffset": len(position_bytes), "byteLength": len(normal_bytes), "target": _ARRAY_BUFFER},
            {"buffer": 0, "byteOffset": len(position_bytes) + len(normal_bytes), "byteLength": len(index_bytes), "target": _ELEMENT_ARRAY_BUFFER},
        ],
        "accessors": [
            {"bufferView": 0, "componentType": _FLOAT, "count": vertex_count, "type": "VEC3", "min": minimum, "max": maximum},
            {"bufferView": 1, "componentType": _FLOAT, "count": vertex_count, "type": "VEC3"},
            {"bufferView": 2, "componentType": _UINT32, "count": len(indices), "type": "SCALAR"},
        ],
    }
    json_chunk = _pad(json.dumps(document, separators=(",", ":")).encode("utf-8"), b" ")
    bin_chunk = _pad(binary, b"\x00")
    total = 12 + 8 + len(json_chunk) + 8 + len(bin_chunk)
    return b"".join([
        struct.pack("<4sII", b"glTF", 2, total),
        struct.pack("<I4s", len(json_chunk), b"JSON"), json_chunk,
        struct.pack("<I4s", len(bin_chunk), b"BIN\x00"), bin_chunk,
    ])
