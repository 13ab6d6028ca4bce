// Texture prompts for texture_model written as users write them, before the texture parser was extended: what
// each must show (pattern, and the colour words that must be used). The tests assert the task output reports
// them as used and that the baked texture really shows two colours where a pattern was asked.

export interface TextureEvaluationPrompt {
  text: string;
  pattern: string;
  colours: string[];
}

export const TEXTURE_PROMPT_SET: readonly TextureEvaluationPrompt[] = [
  { text: 'white with brown spots', pattern: 'spots', colours: ['white', 'brown'] },
  { text: 'red and white stripes', pattern: 'stripes', colours: ['red', 'white'] },
  { text: 'black and white checkerboard', pattern: 'checker', colours: ['black', 'white'] },
  { text: 'yellow with blue polka dots', pattern: 'dots', colours: ['yellow', 'blue'] },
  { text: 'green camo', pattern: 'camouflage', colours: ['green'] },
  { text: 'white marble with grey veins', pattern: 'marble', colours: ['white', 'grey'] },
  { text: 'dark wood grain', pattern: 'wood', colours: [] },
  { text: 'blue and white porcelain', pattern: 'porcelain', colours: ['blue', 'white'] },
  { text: 'red tartan', pattern: 'tartan', colours: ['red'] },
  { text: 'a gradient from orange to purple', pattern: 'gradient', colours: ['orange', 'purple'] },
  { text: 'pink with white hearts', pattern: 'hearts', colours: ['pink', 'white'] },
  { text: 'leopard print', pattern: 'leopard', colours: [] },
  { text: 'zebra stripes', pattern: 'stripes', colours: [] },
  { text: 'brushed steel', pattern: 'metal', colours: [] },
  { text: 'checked blue and yellow fabric', pattern: 'checker', colours: ['blue', 'yellow'] },
];
