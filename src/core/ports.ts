/**
 * What the core needs from the outside world, as interfaces. The storage layer
 * (src/storage) and the adapters implement them; the core never imports either.
 */
import type {
  Audience,
  ChatPlatform,
  InboundMessage,
  Reply,
  RiskCategory,
  SocialPlatform,
  StrategyId,
  Verdict,
} from './types.ts';

export interface UserKey {
  platform: ChatPlatform;
  userId: string;
}

export interface UserPrefs {
  strategy?: StrategyId;
  platforms: SocialPlatform[];
  /** Words the person chose to ignore in reviews (lower-cased). */
  ignoredTerms: string[];
}

/** Persistence the conversation needs. Never receives the text of a draft. */
export interface PrefsStore {
  getPrefs(user: UserKey): Promise<UserPrefs>;
  setStrategy(user: UserKey, strategy: StrategyId): Promise<void>;
  setPlatforms(user: UserKey, platforms: SocialPlatform[]): Promise<void>;
  addIgnoredTerm(user: UserKey, term: string): Promise<void>;
  /** Anonymous: categories and verdict only, no user id, no text. */
  recordReview(stat: { platform: ChatPlatform; categories: RiskCategory[]; verdict: Verdict; audience: Audience; at: Date }): Promise<void>;
  /** `words` only when the person agreed to share them. */
  recordFalsePositive(report: { platform: ChatPlatform; category: RiskCategory; ruleId: string; words?: string; at: Date }): Promise<void>;
}

/** Manager commands (`nudge …`, `stats`), implemented by src/nudges. */
export interface ManagerDesk {
  /** `command` is the person's text starting at `nudge` or `stats`. */
  handle(message: InboundMessage, command: string): Promise<Reply>;
}

/** Where a nudge goes. `channelId` is the platform's id (Slack channel id, Teams conversation id). */
export interface ChannelRef {
  platform: ChatPlatform;
  channelId: string;
  teamId?: string;
}

/** Implemented by each adapter so the scheduler can post to a channel. */
export interface ChannelPoster {
  readonly platform: ChatPlatform;
  /** Throws a `SocialCheckError` with code `channel_unavailable` when the bot can no longer post there. */
  post(channel: ChannelRef, reply: Reply): Promise<{ messageId?: string }>;
}

/** An organization profile (`--policy FILE`, `POLICY_FILE`). */
export interface OrgProfile {
  organization?: { name?: string; aliases?: string[] };
  codenames?: string[];
  clients?: string[];
  /** The disclaimer the company suggests for personal accounts. */
  disclaimer?: string;
  /** Link to the social media policy. */
  policyUrl?: string;
  /** Who to ask: e.g. "#comms or press@example.com". */
  commsContact?: string;
  /** More terms per category the company considers risky. */
  extraTerms?: Partial<Record<RiskCategory, string[]>>;
}

/**
 * Teams needs a stored conversation reference to post proactively (a nudge to a
 * channel). The adapter captures it when the bot is installed in a team or chat;
 * src/storage keeps it. `reference` is the platform's JSON, opaque to the core.
 */
export interface ConversationRefRecord {
  platform: ChatPlatform;
  conversationId: string;
  teamId?: string;
  /** Channel or chat name, so a manager can say `nudge #general`. */
  name?: string;
  kind: 'channel' | 'group' | 'personal';
  reference: unknown;
  updatedAt: Date;
}

export interface ConversationRefStore {
  saveConversationRef(record: ConversationRefRecord): Promise<void>;
  getConversationRef(platform: ChatPlatform, conversationId: string): Promise<ConversationRefRecord | undefined>;
  /** All references, optionally of one team: for resolving `#name` and listing channels. */
  listConversationRefs(platform: ChatPlatform, teamId?: string): Promise<ConversationRefRecord[]>;
  deleteConversationRef(platform: ChatPlatform, conversationId: string): Promise<void>;
}

/** The logger every part receives (pino's shape). Never pass draft text to it. */
export interface Logger {
  debug(object: object, message?: string): void;
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/**
 * Claims a platform's delivery id once across every replica: Slack retries an
 * event it thinks was not acknowledged in time, and the retry may reach another
 * replica. `claim` is true for the first claim of a key, false for any repeat.
 */
export interface EventLedger {
  claim(key: string, now: Date): Promise<boolean>;
}
