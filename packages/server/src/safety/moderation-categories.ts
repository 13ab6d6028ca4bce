// The content categories the moderation layer refuses, most serious first, with the words a refusal (error
// 2008) names them by.
export const MODERATION_CATEGORIES = {
  minors: 'minors in a sexual or violent context',
  sexual: 'sexual content',
  'self-harm': 'self-harm and suicide',
  gore: 'gore and graphic violence',
  hate: 'extremist symbols and hate',
  weapons: 'weapons built to hurt people',
  profanity: 'offensive language',
} as const;

export type ModerationCategory = keyof typeof MODERATION_CATEGORIES;
