/** The topic ids of the knowledge base (shared/contract.md), plus the out-of-scope label. */
export const TOPIC_IDS = [
  'strategies',
  'strategy-open',
  'strategy-audience',
  'strategy-content',
  'strategy-custom',
  'which-strategy',
  'friend-request-coworker',
  'friend-request-manager',
  'friend-request-client',
  'coworker-becomes-boss',
  'separate-accounts',
  'lists-and-circles',
  'speaking-for-employer',
  'hiring-screening',
  'quit-social-media',
  'authenticity',
  'clean-up-history',
  'posted-mistake',
  'company-policy',
  'culture-context',
  'manager-guidance',
  'review-howto',
  'confidential-info',
  'politics-opinions',
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];
export const OUT_OF_SCOPE = 'out-of-scope';

export interface Topic {
  id: TopicId;
  title: string;
  /** Example questions: the training data of question answering. */
  examples: string[];
  related: TopicId[];
  /** The answer: paragraphs and `- ` bullets, may hold `{{key|default}}` placeholders. */
  body: string;
  /** Where it came from, for error messages. */
  file: string;
}
