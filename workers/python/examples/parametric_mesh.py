"""A small real generator for the example worker: a parametric mesh (UV sphere, box, cylinder, torus) chosen and
coloured by words of the prompt ("a blue donut"), with outward normals, written as a GLB."""

import math
import re

SHAPE_WORDS = {
    "sphere": "sphere", "ball": "sphere", "planet": "sphere", "orb": "sphere",
    "cube": "box", "box": "box", "crate": "box", "block": "box",
    "cylinder": "cylinder", "can": "cylinder", "tower": "cylinder", "pillar": "cylinder",
    "torus": "torus", "ring": "torus", "donut": "torus", "doughnut": "torus",
}
COLOUR_WORDS = {
    "red": (0.8, 0.1, 0.1), "green": (0.1, 0.6, 0.2), "blue": (0.1, 0.3, 0.8), "yellow": (0.9, 0.8, 0.1),
    "orange": (0.9, 0.45, 0.1), "purple": (0.5, 0.2, 0.7), "white": (0.95, 0.95, 0.95), "black": (0.05, 0.05, 0.05),
    "grey": (0.5, 0.5, 0.5), "gray": (0.5, 0.5, 0.5), "gold": (0.85, 0.65, 0.2),
}


def describe_prompt(prompt):
    words = re.findall(r"[a-z]+", prompt.lower())
    shape = next((SHAPE_WORDS[word] for word in words if word in SHAPE_WORDS), "sphere")
    colour = next((COLOUR_WORDS[word] for word in words if word in COLOUR_WORDS), (0.7, 0.7, 0.7))
    return shape, colour


def _surface(columns, rows, at):
    positions, normals, indices = [], [], []
    for row in range(rows + 1):
        for column in range(columns + 1):
            position, normal = at(column / columns, row / rows)
            positions.extend(position)
            normals.extend(normal)
    for row in range(rows):
        for column in range(columns):
            a = row * (columns + 1) + column
            b = a + columns + 1
            indices.extend([a, a + 1, b, a + 1, b + 1, b])
    return _orient(positions, normals, indices)


def _orient(positions, normals, indices):
    """Flips triangles whose winding disagrees with their vertex normals, so every face looks outwards."""
    for start in range(0, len(indices), 3):
        a, b, c = (indices[start + k] * 3 for k in range(3))
        e1 = [positions[b + k] - positions[a + k] for k in range(3)]
        e2 = [positions[c + k] - positions[a + k] for k in range(3)]
        cross = [e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0]]
        facing = sum(cross[k] * (normals[a + k] + normals[b + k] + normals[c + k]) for k in range(3))
        if facing < 0:
            indices[start + 1], indices[start + 2] = indices[start + 2], indices[start + 1]
    return positions, normals, indices


def _merge(parts):
    positions, normals, indices = [], [], []
    for part_positions, part_normals, part_indices in parts:
        offset = len(positions) // 3
        positions.extend(part_positions)
        normals.extend(part_normals)
        indices.extend(index + offset for index in part_indices)
    return positions, normals, indices


def _disc(segments, radius, height, facing):
    positions, normals, indices = [0.0, height, 0.0], [0.0, facing, 0.0], []
    for index in range(segments + 1):
        angle = index / segments * 2 * math.pi
        positions.extend([radius * math.cos(angle), height, radius * math.sin(angle)])
        normals.extend([0.0, facing, 0.0])
        if index > 0:
            indices.extend([0, index, index + 1])
    return _orient(positions, normals, indices)


def build_shape(shape, segments=32):
    if shape == "torus":
        def torus(u, v):
            theta, phi = u * 2 * math.pi, v * 2 * math.pi
            normal = (math.cos(phi) * math.cos(theta), math.sin(phi), math.cos(phi) * math.sin(theta))
            return (0.35 * math.cos(theta) + 0.15 * normal[0], 0.15 * normal[1], 0.35 * math.sin(theta) + 0.15 * normal[2]), normal
        return _surface(segments, segments // 2, torus)
    if shape == "cylinder":
        def side(u, v):
            normal = (math.cos(u * 2 * math.pi), 0.0, math.sin(u * 2 * math.pi))
            return (0.4 * normal[0], 0.5 - v, 0.4 * normal[2]), normal
        return _merge([_surface(segments, 1, side), _disc(segments, 0.4, 0.5, 1.0), _disc(segments, 0.4, -0.5, -1.0)])
    if shape == "box":
        faces = [((1, 0, 0), (0, 0, -1), (0, 1, 0)), ((-1, 0, 0), (0, 0, 1), (0, 1, 0)), ((0, 1, 0), (1, 0, 0), (0, 0, -1)),
                 ((0, -1, 0), (1, 0, 0), (0, 0, 1)), ((0, 0, 1), (1, 0, 0), (0, 1, 0)), ((0, 0, -1), (-1, 0, 0), (0, 1, 0))]
        parts = []
        for normal, right, up in faces:
            def face(u, v, normal=normal, right=right, up=up):
                return tuple(0.5 * normal[k] + (u - 0.5) * right[k] + (0.5 - v) * up[k] for k in range(3)), normal
            parts.append(_surface(1, 1, face))
        return _merge(parts)

    def sphere(u, v):
        theta, phi = u * 2 * math.pi, v * math.pi
        normal = (math.sin(phi) * math.cos(theta), math.cos(phi), math.sin(phi) * math.sin(theta))
        return tuple(0.5 * component for component in normal), normal
    return _surface(segments, segments // 2, sphere)
