/**
 * The seam between the platform-neutral core and the adapters.
 *
 * Adapters (Slack, Teams, the CLI) turn what their platform sends into an
 * `InboundMessage`, call the core, and render the `Reply` it returns. Nothing in
 * here knows about Block Kit or Adaptive Cards: a reply is plain data.
 */

/** Where a message came from. */
export type ChatPlatform = 'slack' | 'teams' | 'cli';

/** The kind of conversation: a 1:1 chat with the bot, a channel, or a group chat. */
export type ConversationKind = 'direct' | 'channel' | 'group';

/** The four boundary-management strategies (Ollier-Malaterre, Rothbard & Berg, 2013). */
export const STRATEGIES = ['open', 'audience', 'content', 'custom'] as const;
export type StrategyId = (typeof STRATEGIES)[number];

/** Social networks the review gives platform-aware advice for. */
export const SOCIAL_PLATFORMS = [
  'linkedin',
  'instagram',
  'facebook',
  'x',
  'bluesky',
  'mastodon',
  'threads',
  'tiktok',
] as const;
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

/** The eleven risk categories of a draft review (see shared/contract.md). */
export const RISK_CATEGORIES = [
  'confidential',
  'employer-voice',
  'workplace-criticism',
  'profanity',
  'offensive',
  'personal-data',
  'nightlife',
  'private-life',
  'job-search',
  'controversial',
  'location',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** Where a draft can go: every network, a personal circle only, or nowhere. */
export const AUDIENCES = ['everyone', 'personal', 'nobody'] as const;
export type Audience = (typeof AUDIENCES)[number];
export type Verdict = 'ok' | 'caution' | 'risky';

/**
 * The buttons the core can offer. An action travels through the platform as
 * `{ id, value }` (Slack: action_id + value; Teams: the card's submit data) and
 * comes back on the next `InboundMessage`. The core is stateless: everything it
 * needs to continue (quiz answers so far, the text to re-route) is in `value`.
 */
export const ACTION_IDS = [
  'help',
  'topic', // value: topic id
  'quiz', // value: encoded quiz state (answers so far), see src/quiz
  'set-strategy', // value: strategy id
  'review-as-post', // value: the text to review
  'answer-as-question', // value: the text to answer
  'ignore-term', // value: JSON {category, ruleId, term}
  'report-false-positive', // value: JSON {category, ruleId, term}
  'share-false-positive-words', // value: JSON {category, ruleId, term}: the person agrees to share the words
  'open-review', // ask the adapter to open its draft form (Slack modal, Teams task module)
] as const;
export type ActionId = (typeof ACTION_IDS)[number];

export interface ActionPayload {
  id: ActionId;
  value: string;
}

/** What an adapter hands the core. */
export interface InboundMessage {
  platform: ChatPlatform;
  user: {
    id: string;
    name?: string;
    /** Slack workspace admin or owner (Teams cannot tell without Graph). */
    isAdmin?: boolean;
  };
  conversation: {
    id: string;
    kind: ConversationKind;
    /** Slack team/workspace id or Teams team id, when known. */
    teamId?: string;
  };
  /** The person's words, with platform markup (mentions) already stripped. */
  text: string;
  /**
   * How to read `text`: `auto` lets the core decide (question, command or draft);
   * `review` is an explicit draft (a modal, a message shortcut); `ask` forces a question.
   */
  mode?: 'auto' | 'review' | 'ask';
  /** True when only the sender will see the reply (a DM, an ephemeral slash-command answer, a modal). */
  private?: boolean;
  /** A button the person pressed; `text` is then usually empty. */
  action?: ActionPayload;
  /** The network the person means to post to, when they said (a modal's select, `--platform`). */
  socialPlatform?: SocialPlatform;
  /** The person's strategy when the caller knows it (CLI `--strategy`); else the core asks the store. */
  strategy?: StrategyId;
}

/** A button in a reply. */
export interface Choice {
  label: string;
  action: ActionPayload;
  style?: 'primary' | 'danger';
}

/** One finding in a draft. `start`/`end` are UTF-16 offsets into the original text. */
export interface Flag {
  category: RiskCategory;
  ruleId: string;
  start: number;
  end: number;
  /** `text.slice(start, end)`: the flagged words, as the person wrote them. */
  words: string;
  /** Short and hedged: "may read as…". */
  message: string;
  /** Why it matters: what employers and hiring managers act on. */
  why: string;
  /** A safer alternative. */
  suggestion: string;
  severity: 'low' | 'medium' | 'high';
  /** The widest audience this finding alone allows. */
  audience: Audience;
}

export interface ReviewResult {
  verdict: Verdict;
  audience: Audience;
  flags: Flag[];
  /** Strategy- and platform-aware advice, most important first. */
  advice: string[];
  /** The draft with the flagged words removed or replaced: a safer starting point (absent when nothing was flagged or the draft is long). */
  rewrite?: string;
}

/** The structured parts of a reply; adapters render each kind their own way. */
export type Part =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'bullets'; items: string[] }
  /** The person's own words echoed back: always plain text, always escaped by adapters. */
  | { type: 'quote'; text: string }
  | { type: 'verdict'; verdict: Verdict; audience: Audience; summary: string }
  | { type: 'flag'; flag: Flag; actions: Choice[] }
  | { type: 'choices'; label?: string; choices: Choice[] }
  | { type: 'links'; links: Array<{ text: string; url: string }> }
  /** Small print: sources, privacy notes. */
  | { type: 'note'; text: string };

export type ReplyKind =
  | 'answer'
  | 'out-of-scope'
  | 'review'
  | 'disambiguate'
  | 'quiz-step'
  | 'quiz-result'
  | 'help'
  | 'strategy'
  | 'notice'
  | 'nudge'
  | 'manager'
  | 'error';

/**
 * What the core returns. `text` is a plain-text rendering of the whole reply
 * (notification fallback, terminal output); `parts` is what adapters render.
 * All strings are plain text: no Slack mrkdwn, no Markdown, no HTML.
 */
export interface Reply {
  kind: ReplyKind;
  text: string;
  parts: Part[];
  /** Facts the caller may want without parsing parts (CLI --jsonl, stats, tests). */
  meta?: {
    topic?: string;
    confidence?: number;
    review?: ReviewResult;
    /** For a notice that a draft was pasted in a public channel. */
    draftInPublic?: boolean;
    /** The adapter should open its draft form (Slack modal, Teams task module). */
    openReviewForm?: boolean;
  };
}
