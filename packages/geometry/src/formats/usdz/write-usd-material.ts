// A glTF material as a USD Material: a UsdPreviewSurface fed by one UsdUVTexture per map (write-usdz.ts).
import type { Material } from '@gltf-transform/core';
import { formatNumber, formatNumbers } from './usda-values.ts';

export interface MaterialTexturePaths {
  baseColor?: string;
  normal?: string;
  emissive?: string;
  metallicRoughness?: string;
  occlusion?: string;
}

/**
 * A UsdPreviewSurface with every glTF map: one UsdUVTexture per image, the packed metallic-roughness texture read
 * twice through its blue (metallic) and green (roughness) outputs and the occlusion texture through red. The glTF
 * factors that multiply a texture become the UsdUVTexture's scale; occlusion strength k is scale k, bias 1 − k.
 */
export function materialText(name: string, material: Material | null, paths: MaterialTexturePaths): string {
  const path = `/Root/Materials/${name}`;
  const [r, g, b, alpha] = material?.getBaseColorFactor() ?? [0.8, 0.8, 0.8, 1];
  const emissive = material?.getEmissiveFactor() ?? [0, 0, 0];
  const metallic = material?.getMetallicFactor() ?? 0;
  const roughness = material?.getRoughnessFactor() ?? 1;
  const occlusionStrength = material?.getOcclusionStrength() ?? 1;
  const surface = [
    `            uniform token info:id = "UsdPreviewSurface"`,
    paths.baseColor
      ? `            color3f inputs:diffuseColor.connect = <${path}/BaseColor.outputs:rgb>`
      : `            color3f inputs:diffuseColor = (${formatNumbers([r, g, b])})`,
    paths.baseColor && material?.getAlphaMode() !== 'OPAQUE'
      ? `            float inputs:opacity.connect = <${path}/BaseColor.outputs:a>`
      : `            float inputs:opacity = ${formatNumber(alpha)}`,
    ...(material?.getAlphaMode() === 'MASK'
      ? [`            float inputs:opacityThreshold = ${formatNumber(material.getAlphaCutoff())}`]
      : []),
    paths.emissive
      ? `            color3f inputs:emissiveColor.connect = <${path}/Emissive.outputs:rgb>`
      : `            color3f inputs:emissiveColor = (${formatNumbers(emissive)})`,
    paths.metallicRoughness
      ? `            float inputs:metallic.connect = <${path}/MetallicRoughness.outputs:b>`
      : `            float inputs:metallic = ${formatNumber(metallic)}`,
    paths.metallicRoughness
      ? `            float inputs:roughness.connect = <${path}/MetallicRoughness.outputs:g>`
      : `            float inputs:roughness = ${formatNumber(roughness)}`,
    ...(paths.occlusion ? [`            float inputs:occlusion.connect = <${path}/Occlusion.outputs:r>`] : []),
    ...(paths.normal ? [`            normal3f inputs:normal.connect = <${path}/Normal.outputs:rgb>`] : []),
    '            int inputs:useSpecularWorkflow = 0',
    '            token outputs:surface',
  ];
  const textureShader = (
    shaderName: string,
    file: string,
    colorSpace: string,
    scale: number[],
    bias: number[],
    outputs: string[],
  ) => [
    `        def Shader "${shaderName}"`,
    '        {',
    '            uniform token info:id = "UsdUVTexture"',
    `            asset inputs:file = @${file}@`,
    `            float2 inputs:st.connect = <${path}/TexCoordReader.outputs:result>`,
    `            token inputs:sourceColorSpace = "${colorSpace}"`,
    '            token inputs:wrapS = "repeat"',
    '            token inputs:wrapT = "repeat"',
    `            float4 inputs:scale = (${formatNumbers(scale)})`,
    `            float4 inputs:bias = (${formatNumbers(bias)})`,
    ...outputs.map((output) => `            ${output}`),
    '        }',
  ];
  const lines = [
    `        def Material "${name}"`,
    '        {',
    `            token outputs:surface.connect = <${path}/PreviewSurface.outputs:surface>`,
    '        def Shader "PreviewSurface"',
    '        {',
    ...surface,
    '        }',
  ];
  if (Object.values(paths).some(Boolean)) {
    lines.push(
      '        def Shader "TexCoordReader"',
      '        {',
      '            uniform token info:id = "UsdPrimvarReader_float2"',
      '            string inputs:varname = "st"',
      '            float2 outputs:result',
      '        }',
    );
  }
  if (paths.baseColor)
    lines.push(
      ...textureShader(
        'BaseColor',
        paths.baseColor,
        'sRGB',
        [r, g, b, alpha],
        [0, 0, 0, 0],
        ['float3 outputs:rgb', 'float outputs:a'],
      ),
    );
  if (paths.emissive)
    lines.push(
      ...textureShader('Emissive', paths.emissive, 'sRGB', [...emissive, 1], [0, 0, 0, 0], ['float3 outputs:rgb']),
    );
  if (paths.metallicRoughness) {
    lines.push(
      ...textureShader(
        'MetallicRoughness',
        paths.metallicRoughness,
        'raw',
        [1, roughness, metallic, 1],
        [0, 0, 0, 0],
        ['float outputs:g', 'float outputs:b'],
      ),
    );
  }
  if (paths.occlusion) {
    lines.push(
      ...textureShader(
        'Occlusion',
        paths.occlusion,
        'raw',
        [occlusionStrength, occlusionStrength, occlusionStrength, 1],
        [1 - occlusionStrength, 1 - occlusionStrength, 1 - occlusionStrength, 0],
        ['float outputs:r'],
      ),
    );
  }
  if (paths.normal)
    lines.push(
      ...textureShader('Normal', paths.normal, 'raw', [2, 2, 2, 1], [-1, -1, -1, 0], ['normal3f outputs:rgb']),
    );
  lines.push('        }');
  return lines.join('\n');
}
