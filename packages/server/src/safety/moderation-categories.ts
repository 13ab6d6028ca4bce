// The content categories the moderation layer refuses, with the words a refusal (error 2008) names them by.
export const MODERATION_CATEGORIES = {
  sexual: 'sexual content',
  minors: 'minors in a sexual or violent context',
  gore: 'gore and graphic violence',
  'self-harm': 'self-harm and suicide',
  hate: 'extremist symbols and hate',
  weapons: 'weapons built to hurt people',
  profanity: 'offensive language',
} as const;

export type ModerationCategory = keyof typeof MODERATION_CATEGORIES;
