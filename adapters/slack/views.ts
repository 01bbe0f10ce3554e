/** The review modal and the App Home tab, as pure data. */
import type { Content } from '../../src/content/load-content.ts';
import { PRIVACY_NOTE } from '../../src/core/replies.ts';
import { SOCIAL_PLATFORMS, type Choice, type Part, type Reply, type SocialPlatform } from '../../src/core/types.ts';
import type { HomeView, MessageBlock, ModalView } from './block-types.ts';
import { escapeSlack } from './escape.ts';
import { LIMITS } from './limits.ts';
import { renderPart, type ButtonCounter } from './render.ts';
import { SOCIAL_PLATFORM_LABELS } from '../../src/core/labels.ts';

export const REVIEW_VIEW_ID = 'social_check_review';
export const DRAFT_BLOCK = 'draft';
export const DRAFT_INPUT = 'text';
export const PLATFORM_BLOCK = 'platform';
export const PLATFORM_INPUT = 'platform';


/** Where the review of a modal's draft goes: a response_url (ephemeral where it was asked) or a DM channel. */
export interface ReviewTarget {
  responseUrl?: string;
  channelId?: string;
}

export function encodeTarget(target: ReviewTarget): string {
  const json = JSON.stringify({ r: target.responseUrl, c: target.channelId });
  return json.length <= LIMITS.privateMetadata ? json : JSON.stringify({ c: target.channelId });
}

export function decodeTarget(metadata: string | undefined): ReviewTarget {
  try {
    const data = JSON.parse(metadata ?? '{}') as { r?: unknown; c?: unknown };
    const target: ReviewTarget = {};
    if (typeof data.r === 'string' && /^https?:\/\/\S+$/.test(data.r)) target.responseUrl = data.r;
    if (typeof data.c === 'string' && /^[A-Z0-9]{2,40}$/.test(data.c)) target.channelId = data.c;
    return target;
  } catch {
    return {};
  }
}

export function isSocialPlatform(value: unknown): value is SocialPlatform {
  return typeof value === 'string' && (SOCIAL_PLATFORMS as readonly string[]).includes(value);
}

/** The "Check a draft" modal: a multiline input and an optional network. */
export function reviewModal(target: ReviewTarget, initialText?: string): ModalView {
  const input: Extract<ModalView['blocks'][number], { type: 'input' }>['element'] = {
    type: 'plain_text_input',
    action_id: DRAFT_INPUT,
    multiline: true,
    min_length: 1,
    max_length: LIMITS.textInput,
    placeholder: { type: 'plain_text', text: 'Paste the post you are about to share' },
  };
  if (initialText && initialText.length <= LIMITS.textInput) input.initial_value = initialText;
  return {
    type: 'modal',
    callback_id: REVIEW_VIEW_ID,
    title: { type: 'plain_text', text: 'Check a draft' },
    submit: { type: 'plain_text', text: 'Check it' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: encodeTarget(target),
    blocks: [
      { type: 'input', block_id: DRAFT_BLOCK, label: { type: 'plain_text', text: 'Your draft' }, element: input },
      {
        type: 'input',
        block_id: PLATFORM_BLOCK,
        optional: true,
        label: { type: 'plain_text', text: 'Where will you post it?' },
        hint: { type: 'plain_text', text: 'Optional: the advice then fits that network.' },
        element: {
          type: 'static_select',
          action_id: PLATFORM_INPUT,
          placeholder: { type: 'plain_text', text: 'Pick a network' },
          options: SOCIAL_PLATFORMS.map((id) => ({ text: { type: 'plain_text', text: SOCIAL_PLATFORM_LABELS[id] }, value: id })),
        },
      },
      { type: 'context', elements: [{ type: 'plain_text', text: escapeSlack(PRIVACY_NOTE), emoji: true }] },
    ],
  };
}

export interface HomeInput {
  /** The core's reply to `strategy` for this person. */
  strategy: Reply;
  /** The core's reply to `help`. */
  help: Reply;
  /** Words the person asked not to be flagged. */
  ignoredTerms: string[];
  content: Content;
}

const TIPS_SHOWN = 3;

/** App Home: the person's strategy (or the quiz), what the bot can do, the latest tips. */
export function homeView(input: HomeInput): HomeView {
  const counter: ButtonCounter = { next: 0 };
  const blocks: MessageBlock[] = [];
  const add = (parts: Part[]) => {
    for (const part of parts) blocks.push(...renderPart(part, counter));
  };
  add(input.strategy.parts);
  if (input.ignoredTerms.length > 0) {
    add([{ type: 'note', text: `Words you asked me not to flag: ${input.ignoredTerms.slice(0, 30).join(', ')}${input.ignoredTerms.length > 30 ? ', …' : ''}` }]);
  }
  blocks.push({ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: 'What I can do', emoji: true } });
  add(input.help.parts.filter((part) => part.type === 'bullets'));
  const start: Choice[] = [
    { label: 'Check a draft', action: { id: 'open-review', value: '' }, style: 'primary' },
    { label: 'Take the strategy quiz', action: { id: 'quiz', value: '' } },
    { label: 'The four strategies', action: { id: 'topic', value: 'strategies' } },
  ];
  add([{ type: 'choices', choices: start }]);
  add([{ type: 'note', text: 'Message me here (the Messages tab), use /social-check in any channel, or pick "Check before posting" on a message.' }]);
  const tips = input.content.nudges.slice(-TIPS_SHOWN).reverse();
  if (tips.length > 0) {
    blocks.push({ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: 'Latest tips', emoji: true } });
    for (const tip of tips) {
      const tell = input.content.topicsById.has(tip.topic) ? [{ label: 'Tell me more', action: { id: 'topic' as const, value: tip.topic } }] : [];
      add([{ type: 'paragraph', text: `📌 ${tip.title}\n${tip.text}` }]);
      if (tell.length > 0) add([{ type: 'choices', choices: tell }]);
    }
  }
  add([{ type: 'note', text: PRIVACY_NOTE }]);
  return { type: 'home', blocks: blocks.slice(0, LIMITS.viewBlocks) };
}

