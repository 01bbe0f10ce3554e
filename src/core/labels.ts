import type { RiskCategory, SocialPlatform } from './types.ts';

/** How each risk category is named to people, on every platform. */
export const CATEGORY_LABELS: Record<RiskCategory, string> = {
  confidential: 'Confidential information',
  'employer-voice': 'Speaking for your employer',
  'workplace-criticism': 'Criticism of work',
  profanity: 'Profanity',
  offensive: 'Offensive',
  'personal-data': 'Personal data',
  nightlife: 'Nightlife',
  'private-life': 'Private life',
  'job-search': 'Job search',
  controversial: 'Controversial topic',
  location: 'Location',
};

/** How each social network is named in menus. */
export const SOCIAL_PLATFORM_LABELS: Record<SocialPlatform, string> = {
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  facebook: 'Facebook',
  x: 'X (Twitter)',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  threads: 'Threads',
  tiktok: 'TikTok',
};
