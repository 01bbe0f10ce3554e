import { loadContent, DEFAULT_CONTENT_DIR, type Content } from '../content/load-content.ts';
import { TOPIC_IDS, type TopicId } from '../content/topics.ts';
import { answerQuestion, topicReply, trainQuestionModel } from '../qa/answer-question.ts';
import type { QaModel } from '../qa/qa-model.ts';
import { decodeAnswers, quizStep } from '../quiz/run-quiz.ts';
import { isStrategyId } from '../quiz/load-quiz.ts';
import { ignoreKey, isModelRuleId } from '../review/ignore-key.ts';
import { reviewDraft } from '../review/review-draft.ts';
import { reviewToReply } from '../review/review-reply.ts';
import { isSocialCheckError, SocialCheckError } from './errors.ts';
import { partsToPlainText } from './plain-text.ts';
import type { ManagerDesk, OrgProfile, PrefsStore, UserKey, UserPrefs } from './ports.ts';
import {
  disambiguateReply,
  draftInPublicReply,
  emptyInputReply,
  errorReply,
  helpReply,
  makeReply,
  strategyReply,
  strategySavedReply,
  tooLongReply,
} from './replies.ts';
import { routeText } from './route-text.ts';
import { RISK_CATEGORIES, type ActionPayload, type InboundMessage, type Reply, type RiskCategory } from './types.ts';

/** The longest post any network accepts (Facebook: 63,206 characters). Longer input is refused. */
export const MAX_TEXT_LENGTH = 63_206;

export interface CoreDeps {
  content: Content;
  /** The question classifier, or a function that trains it on first use (a review never needs it). */
  model: QaModel | (() => QaModel);
  /** Passed in so scheduling and stats are testable. */
  clock?: () => Date;
  store?: PrefsStore;
  manager?: ManagerDesk;
  policy?: OrgProfile;
  /** Told about failures the person is spared (settings that could not be read); never given message text. */
  onError?: (error: unknown, where: string) => void;
  /** Keys the fingerprints of sentences people chose to ignore (FINGERPRINT_SECRET); see src/review/ignore-key.ts. */
  fingerprintSecret?: string;
}

export interface Core {
  readonly content: Content;
  readonly policy?: OrgProfile;
  /** The one entry point: a neutral message in, a neutral reply out. Never throws for bad input. */
  handle(message: InboundMessage): Promise<Reply>;
}

/** Loads and validates content/ and returns the core; question answering is trained on the first question. */
export function bootCore(options: Omit<CoreDeps, 'content' | 'model'> & { contentDir?: string } = {}): Core {
  const content = loadContent(options.contentDir ?? DEFAULT_CONTENT_DIR);
  let model: QaModel | undefined;
  return createCore({ ...options, content, model: () => (model ??= trainQuestionModel(content)) });
}

const EMPTY_PREFS: UserPrefs = { platforms: [], ignoredTerms: [] };

interface FlagActionValue {
  category: RiskCategory;
  ruleId: string;
  term: string;
}

function parseFlagAction(value: string): FlagActionValue {
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    throw new SocialCheckError('action_invalid', 'This button carries no valid flag.');
  }
  const record = data as Partial<FlagActionValue> | null;
  if (
    !record ||
    typeof record.ruleId !== 'string' ||
    typeof record.term !== 'string' ||
    !(RISK_CATEGORIES as readonly string[]).includes(String(record.category)) ||
    record.term.length > 200 ||
    record.ruleId.length > 100
  ) {
    throw new SocialCheckError('action_invalid', 'This button carries no valid flag.');
  }
  return { category: record.category as RiskCategory, ruleId: record.ruleId, term: record.term };
}

export function createCore(deps: CoreDeps): Core {
  const { content, store, manager, policy } = deps;
  const model = (): QaModel => (typeof deps.model === 'function' ? deps.model() : deps.model);
  const clock = deps.clock ?? (() => new Date());

  function userKey(message: InboundMessage): UserKey {
    return { platform: message.platform, userId: message.user.id };
  }

  /** Keys a person's sentence fingerprints: the server's secret (when set) and who they are. */
  function fingerprintKey(message: InboundMessage): string {
    return `${deps.fingerprintSecret ?? ''}:${message.platform}:${message.user.id}`;
  }

  async function prefsOf(message: InboundMessage): Promise<UserPrefs> {
    return store ? store.getPrefs(userKey(message)) : EMPTY_PREFS;
  }

  async function review(message: InboundMessage, text: string): Promise<Reply> {
    if (text.trim() === '') return emptyInputReply();
    if (text.length > MAX_TEXT_LENGTH) return tooLongReply(text.length, MAX_TEXT_LENGTH);
    // The review never depends on storage: without the person's settings it still runs, on the defaults.
    let prefs = EMPTY_PREFS;
    let settingsMissing = false;
    try {
      prefs = await prefsOf(message);
    } catch (error) {
      settingsMissing = true;
      deps.onError?.(error, 'read settings for a review');
    }
    const strategy = message.strategy ?? prefs.strategy;
    const platform = message.socialPlatform ?? (prefs.platforms.length === 1 ? prefs.platforms[0] : undefined);
    const result = reviewDraft(text, { rules: content.rules, policy, strategy, platform, ignoredTerms: prefs.ignoredTerms, fingerprintKey: fingerprintKey(message) });
    if (store) {
      try {
        await store.recordReview({
          platform: message.platform,
          categories: [...new Set(result.flags.map((flag) => flag.category))],
          verdict: result.verdict,
          audience: result.audience,
          at: clock(),
        });
      } catch (error) {
        deps.onError?.(error, 'count a review');
      }
    }
    const reply = reviewToReply(result, { strategy, platform });
    if (!settingsMissing) return reply;
    const parts = [...reply.parts, { type: 'note' as const, text: 'I could not load your saved settings just now, so this review uses the defaults (no ignored words, no strategy).' }];
    return { ...reply, parts, text: partsToPlainText(parts) };
  }

  function answer(text: string): Reply {
    if (text.trim() === '') return emptyInputReply();
    if (text.length > MAX_TEXT_LENGTH) return tooLongReply(text.length, MAX_TEXT_LENGTH);
    return answerQuestion(content, model(), text, policy);
  }

  async function onAction(message: InboundMessage, action: ActionPayload): Promise<Reply> {
    switch (action.id) {
      case 'help':
        return helpReply();
      case 'topic': {
        if (!(TOPIC_IDS as readonly string[]).includes(action.value)) throw new SocialCheckError('action_invalid', 'Unknown topic.');
        return topicReply(content, action.value as TopicId, policy);
      }
      case 'quiz':
        return quizStep(content.quiz, decodeAnswers(content.quiz, action.value));
      case 'set-strategy': {
        if (!isStrategyId(action.value)) throw new SocialCheckError('action_invalid', 'Unknown strategy.');
        if (!store) {
          return makeReply('notice', [
            { type: 'paragraph', text: `Here I cannot remember it between sessions; pass --strategy ${action.value} to review to get advice for it.` },
          ]);
        }
        await store.setStrategy(userKey(message), action.value);
        return strategySavedReply(content, action.value);
      }
      case 'review-as-post':
        return review(message, action.value);
      case 'answer-as-question':
        return answer(action.value);
      case 'ignore-term': {
        const flag = parseFlagAction(action.value);
        if (!store) return makeReply('notice', [{ type: 'paragraph', text: 'Noted for this review. (Ignoring words for good needs the bot in Slack or Teams.)' }]);
        await store.addIgnoredTerm(userKey(message), ignoreKey(flag.ruleId, flag.term, fingerprintKey(message)).toLowerCase());
        if (isModelRuleId(flag.ruleId)) {
          return makeReply('notice', [
            { type: 'paragraph', text: 'Got it: I will not flag that sentence in your drafts again. I keep a fingerprint of it, never the words.' },
          ]);
        }
        return makeReply('notice', [
          { type: 'paragraph', text: `Got it: I will not flag "${flag.term}" in your drafts again. Type strategy to see your settings.` },
        ]);
      }
      case 'report-false-positive': {
        const flag = parseFlagAction(action.value);
        await store?.recordFalsePositive({ platform: message.platform, category: flag.category, ruleId: flag.ruleId, at: clock() });
        return makeReply('notice', [
          { type: 'paragraph', text: 'Thanks, I recorded that this flag was wrong (only the rule, not your words). It helps us tune the rules.' },
          isModelRuleId(flag.ruleId)
            ? {
                type: 'choices',
                label: 'Happy to share the flagged sentence too?',
                choices: [{ label: 'Share the flagged sentence', action: { id: 'share-false-positive-words', value: action.value } }],
              }
            : {
                type: 'choices',
                label: 'Happy to share the flagged words too?',
                choices: [{ label: 'Share the flagged words', action: { id: 'share-false-positive-words', value: action.value } }],
              },
        ]);
      }
      case 'share-false-positive-words': {
        const flag = parseFlagAction(action.value);
        await store?.recordFalsePositive({ platform: message.platform, category: flag.category, ruleId: flag.ruleId, words: flag.term, at: clock() });
        return makeReply('notice', [{ type: 'paragraph', text: `Thank you: "${flag.term}" was shared with the rule's report. The rest of your draft was not.` }]);
      }
      case 'open-review':
        return makeReply('notice', [{ type: 'paragraph', text: 'Paste the draft you want checked.' }], { openReviewForm: true });
    }
  }

  async function onText(message: InboundMessage): Promise<Reply> {
    const raw = message.text ?? '';
    if (raw.trim() === '') return message.mode === 'review' ? emptyInputReply() : helpReply();
    if (raw.length > MAX_TEXT_LENGTH) return tooLongReply(raw.length, MAX_TEXT_LENGTH);
    if (message.mode === 'review') return review(message, raw);
    if (message.mode === 'ask') return answer(raw);

    const trimmed = raw.trim();
    const [first = '', ...rest] = trimmed.split(/\s+/);
    const command = first.toLowerCase().replace(/^\//, '');
    const argument = trimmed.slice(first.length).trim();
    switch (command) {
      case 'help':
      case '?':
        if (rest.length === 0) return helpReply();
        break;
      case 'hi':
      case 'hello':
      case 'hey':
      case 'start':
        if (rest.length === 0) return helpReply();
        break;
      case 'quiz':
        if (rest.length === 0) return quizStep(content.quiz, []);
        break;
      case 'strategy':
        if (rest.length === 0) return strategyReply(content, (await prefsOf(message)).strategy, store !== undefined);
        if (rest.length === 1 && isStrategyId(rest[0]!.toLowerCase())) {
          return onAction(message, { id: 'set-strategy', value: rest[0]!.toLowerCase() });
        }
        break;
      case 'review':
        // "review my old posts before a job hunt?" is a question, not a command.
        if (argument && !/\?\s*$/.test(argument)) return review(message, argument);
        if (argument) break;
        return message.private ? makeReply('notice', [{ type: 'paragraph', text: 'Paste the draft you want checked.' }], { openReviewForm: true }) : emptyInputReply();
      case 'ask':
        if (argument) return answer(argument);
        return emptyInputReply();
      case 'nudge':
      case 'stats':
        if (manager) return manager.handle(message, trimmed);
        return errorReply('Nudges and stats need the social-check server (npm start) with its database; they are not available here.');
    }

    const routed = routeText(raw);
    const isPrivate = message.private ?? message.conversation.kind === 'direct';
    if (routed.route === 'draft') return isPrivate ? review(message, routed.text) : draftInPublicReply();
    if (routed.route === 'question') return answer(routed.text);
    return isPrivate ? disambiguateReply(routed.text) : answer(routed.text);
  }

  return {
    content,
    policy,
    async handle(message: InboundMessage): Promise<Reply> {
      try {
        return message.action ? await onAction(message, message.action) : await onText(message);
      } catch (error) {
        if (isSocialCheckError(error, 'action_invalid')) {
          return errorReply(`Sorry, that button no longer works (${error.message}) Let's start again.`, [
            { label: 'Help', action: { id: 'help', value: '' } },
            { label: 'Take the strategy quiz', action: { id: 'quiz', value: '' } },
          ]);
        }
        throw error;
      }
    },
  };
}
