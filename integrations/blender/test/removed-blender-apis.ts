// Blender Python APIs that the add-on must not use because Blender 4.0–4.4 removed or changed them (from the
// release notes' "Python API" pages of 4.0, 4.1, 4.2 and 4.4, and the glTF-Blender-IO change log), plus what
// an add-on installed as a 4.2 extension may not assume. Each entry carries a sample it must catch, so that a
// pattern that stops matching fails its own test instead of passing silently.

export interface RemovedBlenderApi {
  name: string;
  /** Matched against the add-on's Python with comments removed. */
  pattern: RegExp;
  changedIn: string;
  instead: string;
  /** A line the pattern must flag. */
  sample: string;
}

const OLD_PRINCIPLED_INPUTS = [
  'Subsurface',
  'Subsurface Color',
  'Specular',
  'Emission',
  'Clearcoat',
  'Clearcoat Roughness',
  'Clearcoat Normal',
  'Sheen',
  'Transmission',
  'Transmission Roughness',
];

export const REMOVED_BLENDER_APIS: readonly RemovedBlenderApi[] = [
  {
    name: 'context override dict passed to an operator',
    pattern: /bpy\.ops\.\w+\.\w+\(\s*(\{|\w*override\w*\s*[,)]|[\w.]+\.copy\(\))/,
    changedIn: '4.0 (deprecated since 3.2)',
    instead: 'with context.temp_override(window=..., area=...): bpy.ops...()',
    sample: 'bpy.ops.object.delete(override)',
  },
  {
    name: 'bgl (raw OpenGL) module',
    pattern: /^\s*(import\s+bgl\b|from\s+bgl\s+import)|\bbgl\.\w/m,
    changedIn: 'deprecated 3.5, does nothing on the Metal and Vulkan backends of 4.x, removed in 5.0',
    instead: 'the gpu module (gpu.state, gpu.shader, gpu_extras.batch)',
    sample: 'import bgl',
  },
  {
    name: 'built-in shader names with the 3D_ prefix',
    pattern: /from_builtin\(\s*["']3D_/,
    changedIn: '4.0',
    instead: "the unprefixed names, e.g. 'UNIFORM_COLOR'",
    sample: "gpu.shader.from_builtin('3D_UNIFORM_COLOR')",
  },
  {
    name: 'mesh auto smooth and split normals',
    pattern: /\b(use_auto_smooth|auto_smooth_angle|calc_normals_split|create_normals_split|free_normals_split)\b/,
    changedIn: '4.1',
    instead: 'mesh.corner_normals / shade_smooth_by_angle, or leave normals to the importer',
    sample: 'obj.data.use_auto_smooth = True',
  },
  {
    name: 'Principled BSDF input names of 3.x',
    pattern: new RegExp(`inputs(\\.get\\(\\s*|\\[\\s*)["'](${OLD_PRINCIPLED_INPUTS.join('|')})["']`),
    changedIn: '4.0',
    instead:
      "'Subsurface Weight', 'Specular IOR Level', 'Emission Color', 'Coat Weight', 'Sheen Weight', 'Transmission Weight'",
    sample: 'bsdf.inputs["Specular"].default_value = 0.5',
  },
  {
    name: 'node group sockets on the tree',
    pattern: /\b\w*(tree|group)\.(inputs|outputs)\.new\(/,
    changedIn: '4.0',
    instead: 'tree.interface.new_socket(name, in_out=..., socket_type=...)',
    sample: "node_tree.inputs.new('NodeSocketFloat', 'Factor')",
  },
  {
    name: 'face maps and edge/vertex bevel weight or crease properties',
    pattern: /\.(face_maps|bevel_weight|use_customdata_edge_bevel|use_customdata_vertex_bevel)\b/,
    changedIn: '4.0',
    instead: "generic attributes ('bevel_weight_edge', 'crease_edge', integer face attributes)",
    sample: 'edge.bevel_weight = 1.0',
  },
  {
    name: 'material blend and shadow modes of EEVEE Legacy',
    pattern: /\.(blend_method|shadow_method)\s*=/,
    changedIn: '4.2 (EEVEE Next ignores them)',
    instead: 'material.surface_render_method',
    sample: "material.blend_method = 'BLEND'",
  },
  {
    name: 'glTF exporter options that 4.x renamed or hid',
    pattern: /\bexport_colors\s*=|\bexport_selected\s*=|["']GLTF_EMBEDDED["']/,
    changedIn: '4.1–4.2 (export_colors became export_vertex_color; GLTF_EMBEDDED needs an exporter preference)',
    instead: "export_format='GLB' with use_selection; vertex colours through export_vertex_color on 4.2+",
    sample: 'bpy.ops.export_scene.gltf(filepath=path, export_colors=True)',
  },
  {
    name: 'action F-curves read straight off the action',
    pattern: /\baction\.fcurves\b/,
    changedIn: '4.4 (slotted actions; the direct list is gone in 5.0)',
    instead: 'the action slot channelbag, or leave animation to the importer',
    sample: 'for curve in obj.animation_data.action.fcurves:',
  },
  {
    name: 'video sequencer Sequence types',
    pattern: /\bbpy\.types\.Sequence\b|\.sequences(_all)?\b/,
    changedIn: '4.4 (renamed Strip)',
    instead: 'bpy.types.Strip, sequence_editor.strips',
    sample: 'scene.sequence_editor.sequences_all',
  },
  {
    name: "the add-on's own module name written out",
    pattern: /["']polyforge_blender["']|^\s*(from|import)\s+polyforge_blender\b/m,
    changedIn: '4.2 extensions (installed as bl_ext.<repository>.polyforge_blender)',
    instead: '__package__ for preferences and relative imports (from . import ...)',
    sample: 'bpy.context.preferences.addons["polyforge_blender"].preferences',
  },
];

/** The Python source without comments: whole-line ones and those after code (a `#` inside a string is kept). */
export function withoutPythonComments(source: string): string {
  return source
    .split('\n')
    .map((line) => line.replace(/^\s*#.*$/, '').replace(/\s+#[^"'\n]*$/, ''))
    .join('\n');
}

/** Every removed API the source uses, with the 1-based line it is on. */
export function findRemovedApis(source: string): Array<{ api: RemovedBlenderApi; line: number; text: string }> {
  const lines = withoutPythonComments(source).split('\n');
  const found: Array<{ api: RemovedBlenderApi; line: number; text: string }> = [];
  lines.forEach((text, index) => {
    for (const api of REMOVED_BLENDER_APIS) {
      // Multi-line patterns (^ with m) work per line too, as each line is tested on its own.
      if (api.pattern.test(text)) found.push({ api, line: index + 1, text: text.trim() });
    }
  });
  return found;
}
