import type { Content } from '../content/load-content.ts';
import { OUT_OF_SCOPE, type Topic, type TopicId } from '../content/topics.ts';
import type { OrgProfile } from '../core/ports.ts';
import { partsToPlainText } from '../core/plain-text.ts';
import type { Choice, Part, Reply } from '../core/types.ts';
import { predict, trainQaModel, type QaModel } from './qa-model.ts';

/**
 * When to say "out of scope" rather than answer: the model's probability that the
 * question is out of scope is above `maxOutOfScope`, or the best topic's
 * probability is below `minTopic`. Chosen by 5-fold cross-validation on the
 * training examples (`node --import tsx bench/qa-tune.ts` prints the sweep); never
 * tuned on the held-out set.
 */
export const DEFAULT_THRESHOLDS = { maxOutOfScope: 0.4, minTopic: 0.1 } as const;
export type Thresholds = { maxOutOfScope: number; minTopic: number };

export interface Classification {
  topic: TopicId | typeof OUT_OF_SCOPE;
  confidence: number;
  /** Next-best topics, for "did you mean" buttons. */
  alternatives: TopicId[];
}

export function trainQuestionModel(content: Pick<Content, 'topics' | 'outOfScope'>): QaModel {
  return trainQaModel([
    ...content.topics.flatMap((topic) => topic.examples.map((text) => ({ label: topic.id, text }))),
    ...content.outOfScope.map((text) => ({ label: OUT_OF_SCOPE, text })),
  ]);
}

export function classifyQuestion(model: QaModel, text: string, thresholds: Thresholds = DEFAULT_THRESHOLDS): Classification {
  const prediction = predict(model, text);
  const topics = prediction.ranking.filter((entry) => entry.label !== OUT_OF_SCOPE);
  const best = topics[0]!;
  const outOfScope = prediction.ranking.find((entry) => entry.label === OUT_OF_SCOPE)?.probability ?? 0;
  const alternatives = topics
    .slice(1)
    .filter((entry) => entry.probability >= 0.08)
    .slice(0, 3)
    .map((entry) => entry.label as TopicId);
  const round = (value: number) => Math.round(value * 1000) / 1000;
  if (outOfScope > thresholds.maxOutOfScope || best.probability < thresholds.minTopic || prediction.coverage === 0) {
    return { topic: OUT_OF_SCOPE, confidence: round(Math.max(outOfScope, 1 - best.probability)), alternatives: [best.label as TopicId, ...alternatives].slice(0, 3) };
  }
  return { topic: best.label as TopicId, confidence: round(best.probability), alternatives };
}

const PLACEHOLDER = /\{\{(\w+)(?:\|([^}]*))?\}\}/g;

/** Fills `{{key|default}}` from the organization profile. */
export function fillPlaceholders(text: string, policy: OrgProfile | undefined): string {
  return text.replace(PLACEHOLDER, (_match, key: string, fallback = '') => {
    switch (key) {
      case 'organization':
        return policy?.organization?.name ?? fallback;
      case 'policyUrl':
        return policy?.policyUrl ?? fallback;
      case 'disclaimer':
        return policy?.disclaimer ?? fallback;
      case 'commsContact':
        return policy?.commsContact ?? fallback;
      default:
        return fallback;
    }
  });
}

/** Splits an answer body into paragraphs and bullet lists (a lead-in line may sit right above its bullets). */
export function bodyToParts(body: string): Part[] {
  const parts: Part[] = [];
  for (const block of body.split(/\n\s*\n/)) {
    let paragraph: string[] = [];
    let bullets: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) parts.push({ type: 'paragraph', text: paragraph.join(' ') });
      if (bullets.length > 0) parts.push({ type: 'bullets', items: bullets });
      paragraph = [];
      bullets = [];
    };
    for (const raw of block.split('\n')) {
      const line = raw.trim();
      if (line === '') continue;
      if (line.startsWith('- ')) {
        if (paragraph.length > 0 && bullets.length === 0) {
          parts.push({ type: 'paragraph', text: paragraph.join(' ') });
          paragraph = [];
        }
        bullets.push(line.slice(2).trim());
      } else {
        if (bullets.length > 0) flush();
        paragraph.push(line);
      }
    }
    flush();
  }
  return parts;
}

function topicChoice(topic: Topic): Choice {
  return { label: topic.title, action: { id: 'topic', value: topic.id } };
}

export function topicReply(content: Content, id: TopicId, policy?: OrgProfile, confidence = 1, alternatives: TopicId[] = []): Reply {
  const topic = content.topicsById.get(id)!;
  const parts: Part[] = [{ type: 'heading', text: topic.title }, ...bodyToParts(fillPlaceholders(topic.body, policy))];
  const related = topic.related.map((relatedId) => content.topicsById.get(relatedId)).filter((t): t is Topic => t !== undefined);
  if (related.length > 0) parts.push({ type: 'choices', label: 'Related:', choices: related.map(topicChoice) });
  const others = alternatives.filter((alt) => !topic.related.includes(alt)).map((alt) => content.topicsById.get(alt)!);
  if (confidence < 0.6 && others.length > 0) {
    parts.push({ type: 'choices', label: 'Not what you asked? Maybe:', choices: others.slice(0, 2).map(topicChoice) });
  }
  return { kind: 'answer', parts, text: partsToPlainText(parts), meta: { topic: id, confidence } };
}

/** Topics offered when the bot cannot answer. */
const STARTERS: TopicId[] = ['strategies', 'friend-request-manager', 'confidential-info', 'review-howto'];

export function outOfScopeReply(content: Content, alternatives: TopicId[] = [], confidence = 1): Reply {
  const suggestions = [...new Set([...alternatives.slice(0, 2), ...STARTERS])].slice(0, 5);
  const parts: Part[] = [
    { type: 'paragraph', text: "Sorry, that's outside what I know, and I'd rather not guess." },
    {
      type: 'paragraph',
      text: 'I help keep the personal and the professional apart on social media: friend requests from colleagues and bosses, choosing a strategy, what not to post, and checking a draft before you post it.',
    },
    {
      type: 'choices',
      label: 'I can help with:',
      choices: [
        ...suggestions.map((id) => topicChoice(content.topicsById.get(id)!)),
        { label: 'Take the strategy quiz', action: { id: 'quiz', value: '' } },
      ],
    },
  ];
  return { kind: 'out-of-scope', parts, text: partsToPlainText(parts), meta: { topic: OUT_OF_SCOPE, confidence } };
}

export function answerQuestion(content: Content, model: QaModel, text: string, policy?: OrgProfile): Reply {
  const result = classifyQuestion(model, text);
  if (result.topic === OUT_OF_SCOPE) return outOfScopeReply(content, result.alternatives, result.confidence);
  return topicReply(content, result.topic, policy, result.confidence, result.alternatives);
}
