// Writes a Document's default scene as a 3MF package (3MF Core Specification 1.3): one mesh object per
// primitive with world transforms baked in, positions welded so seams do not open the mesh, a build item per
// object, and each material's base colour factor as a <basematerials> display colour (3MF core has no
// textures; the spec's convert_model says "3MF geometry only"). Coordinates go from glTF's Y-up metres to
// 3MF's Z-up millimetres ((x, y, z) → (x, −z, y) × 1000, a rotation, so the winding is kept), standing on the
// build plate (print-frame.ts).
// Written by hand: the package is three small XML parts in a zip, and @jscadui/3mf-export writes geometry
// only (no materials) and would still need the same adapter.

import type { Document, Material } from '@gltf-transform/core';
import { zipSync } from 'fflate';
import { collectWorldTriangles } from '../../mesh/collect-world-triangles.ts';
import { buildPlateLift } from '../../mesh/print-frame.ts';
import { weldExactPositions } from '../fbx/write-fbx-weld-positions.ts';

export interface Write3mfOptions {
  /** Scale from the Document's units (metres) to the 3MF file's unit. */
  scale?: number;
  unit?: 'micron' | 'millimeter' | 'centimeter' | 'inch' | 'foot' | 'meter';
}

export const WRITE_3MF_DEFAULTS: Required<Write3mfOptions> = {
  scale: 1000,
  unit: 'millimeter',
};

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="model" ContentType="application/vnd.ms-package.3dmanufacturing-3dmodel+xml"/>
</Types>
`;

const RELATIONSHIPS = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Target="/3D/3dmodel.model" Id="rel0" Type="http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"/>
</Relationships>
`;

export function write3mf(document: Document, options: Write3mfOptions = {}): Uint8Array {
  const { scale, unit } = { ...WRITE_3MF_DEFAULTS, ...options };
  const primitives = collectWorldTriangles(document).filter((primitive) => primitive.indices.length > 0);
  const materials = [...new Set(primitives.map((primitive) => primitive.material))];
  const lift = buildPlateLift(primitives);
  const materialsId = 1;
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<model unit="${unit}" xml:lang="en-US" xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02">\n`,
    ' <metadata name="Application">Polyforge</metadata>\n',
    ' <resources>\n',
    `  <basematerials id="${materialsId}">\n`,
    ...materials.map(
      (material) =>
        `   <base name="${escapeXml(material?.getName() || 'default')}" displaycolor="${displayColor(material)}"/>\n`,
    ),
    '  </basematerials>\n',
  ];
  const objectIds: number[] = [];
  primitives.forEach(({ positions, indices, material, nodeName }, index) => {
    const objectId = materialsId + 1 + index;
    objectIds.push(objectId);
    const { points, remap } = weldExactPositions(positions);
    const vertices: string[] = new Array(points.length / 3);
    for (let point = 0; point < points.length / 3; point++) {
      const x = points[point * 3] * scale,
        y = (points[point * 3 + 1] + lift) * scale,
        z = points[point * 3 + 2] * scale;
      vertices[point] = `<vertex x="${formatNumber(x)}" y="${formatNumber(-z)}" z="${formatNumber(y)}"/>`;
    }
    const triangles: string[] = [];
    for (let corner = 0; corner < indices.length; corner += 3) {
      const a = remap[indices[corner]],
        b = remap[indices[corner + 1]],
        c = remap[indices[corner + 2]];
      if (a === b || b === c || a === c) continue; // 3MF forbids triangles with repeated vertices
      triangles.push(`<triangle v1="${a}" v2="${b}" v3="${c}"/>`);
    }
    parts.push(
      `  <object id="${objectId}" type="model" name="${escapeXml(nodeName || 'mesh')}" pid="${materialsId}" pindex="${materials.indexOf(material)}">\n`,
      '   <mesh>\n    <vertices>\n',
      vertices.join('\n'),
      '\n    </vertices>\n    <triangles>\n',
      triangles.join('\n'),
      '\n    </triangles>\n   </mesh>\n  </object>\n',
    );
  });
  parts.push(
    ' </resources>\n <build>\n',
    ...objectIds.map((id) => `  <item objectid="${id}"/>\n`),
    ' </build>\n</model>\n',
  );

  const encoder = new TextEncoder();
  return zipSync(
    {
      '[Content_Types].xml': encoder.encode(CONTENT_TYPES),
      '_rels/.rels': encoder.encode(RELATIONSHIPS),
      '3D/3dmodel.model': encoder.encode(parts.join('')),
    },
    { level: 3 },
  );
}

function displayColor(material: Material | null): string {
  const [r, g, b, alpha] = material?.getBaseColorFactor() ?? [0.8, 0.8, 0.8, 1];
  const hex = (value: number) =>
    Math.round(Math.min(1, Math.max(0, value)) * 255)
      .toString(16)
      .padStart(2, '0')
      .toUpperCase();
  return `#${hex(toSrgb(r))}${hex(toSrgb(g))}${hex(toSrgb(b))}${hex(alpha)}`;
}

function toSrgb(linear: number): number {
  const value = Math.min(1, Math.max(0, linear));
  return value <= 0.0031308 ? value * 12.92 : 1.055 * value ** (1 / 2.4) - 0.055;
}

/** Micrometre precision at the default millimetre unit; never exponent notation (3MF's ST_Number). */
function formatNumber(value: number): string {
  const rounded = Math.round(value * 1e3) / 1e3;
  if (!Number.isFinite(rounded)) return '0';
  return Math.abs(rounded) < 1e21 ? (rounded === 0 ? '0' : String(rounded)) : rounded.toFixed(0);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
