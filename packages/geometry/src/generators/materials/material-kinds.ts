// The material kinds a slot can take: the procedural pattern its textures show, its PBR factors, how large one
// texture tile is on the model (metres), and how strong its relief (normal map) is.

export type TexturePattern =
  | 'wood'
  | 'bark'
  | 'brushed'
  | 'polished'
  | 'weave'
  | 'leather'
  | 'stone'
  | 'marble'
  | 'brick'
  | 'speckle'
  | 'smooth'
  | 'fur'
  | 'skin'
  | 'leaves'
  | 'fibre'
  | 'flat';

export interface MaterialKind {
  pattern: TexturePattern;
  metallic: number;
  roughness: number;
  /** the side of one texture tile on the model, metres */
  tileMetres: number;
  /** how far the pattern moves the colour away from the base colour (0 = flat) */
  contrast: number;
  /** normal-map strength; 0 = no relief */
  relief: number;
  /** base colour alpha below 1 makes the material blended (glass) */
  alpha?: number;
  doubleSided?: boolean;
}

export const MATERIAL_KINDS = {
  wood: { pattern: 'wood', metallic: 0, roughness: 0.62, tileMetres: 0.5, contrast: 0.32, relief: 0.5 },
  bark: { pattern: 'bark', metallic: 0, roughness: 0.9, tileMetres: 0.4, contrast: 0.45, relief: 1.6 },
  metal: { pattern: 'brushed', metallic: 1, roughness: 0.34, tileMetres: 0.3, contrast: 0.12, relief: 0.2 },
  gold: { pattern: 'polished', metallic: 1, roughness: 0.22, tileMetres: 0.3, contrast: 0.08, relief: 0.1 },
  fabric: { pattern: 'weave', metallic: 0, roughness: 0.92, tileMetres: 0.08, contrast: 0.25, relief: 0.8 },
  leather: { pattern: 'leather', metallic: 0, roughness: 0.55, tileMetres: 0.15, contrast: 0.18, relief: 0.7 },
  stone: { pattern: 'stone', metallic: 0, roughness: 0.85, tileMetres: 0.8, contrast: 0.4, relief: 1.2 },
  marble: { pattern: 'marble', metallic: 0, roughness: 0.25, tileMetres: 0.8, contrast: 0.35, relief: 0.15 },
  brick: { pattern: 'brick', metallic: 0, roughness: 0.88, tileMetres: 1.0, contrast: 0.3, relief: 1.4 },
  concrete: { pattern: 'speckle', metallic: 0, roughness: 0.9, tileMetres: 0.6, contrast: 0.2, relief: 0.6 },
  plastic: { pattern: 'smooth', metallic: 0, roughness: 0.4, tileMetres: 0.5, contrast: 0.05, relief: 0.05 },
  rubber: { pattern: 'speckle', metallic: 0, roughness: 0.85, tileMetres: 0.2, contrast: 0.08, relief: 0.3 },
  ceramic: { pattern: 'smooth', metallic: 0, roughness: 0.18, tileMetres: 0.3, contrast: 0.04, relief: 0.05 },
  clay: { pattern: 'speckle', metallic: 0, roughness: 0.8, tileMetres: 0.3, contrast: 0.12, relief: 0.4 },
  glass: { pattern: 'flat', metallic: 0, roughness: 0.05, tileMetres: 1, contrast: 0, relief: 0, alpha: 0.35 },
  fur: { pattern: 'fur', metallic: 0, roughness: 0.95, tileMetres: 0.12, contrast: 0.3, relief: 0.9 },
  skin: { pattern: 'skin', metallic: 0, roughness: 0.6, tileMetres: 0.2, contrast: 0.08, relief: 0.2 },
  leaves: {
    pattern: 'leaves',
    metallic: 0,
    roughness: 0.7,
    tileMetres: 0.5,
    contrast: 0.4,
    relief: 0.6,
    doubleSided: true,
  },
  paper: {
    pattern: 'fibre',
    metallic: 0,
    roughness: 0.9,
    tileMetres: 0.3,
    contrast: 0.06,
    relief: 0.2,
    doubleSided: true,
  },
  snow: { pattern: 'speckle', metallic: 0, roughness: 0.75, tileMetres: 0.5, contrast: 0.05, relief: 0.3 },
  paint: { pattern: 'smooth', metallic: 0.1, roughness: 0.35, tileMetres: 0.5, contrast: 0.03, relief: 0.05 },
  /** small solid details: eyes, lights, buttons */
  solid: { pattern: 'flat', metallic: 0, roughness: 0.3, tileMetres: 1, contrast: 0, relief: 0 },
} as const satisfies Record<string, MaterialKind>;

export type MaterialKindName = keyof typeof MATERIAL_KINDS;
