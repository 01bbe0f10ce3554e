/**
 * The core's neutral `Reply` as Block Kit: one pure function, tested on whole
 * outputs. Every string is escaped (see escape.ts) and put in plain_text objects,
 * so the person's words never turn into mentions, links or formatting. Limits
 * are respected by splitting (paragraphs, lists, messages) or trimming with a
 * note (the echoed draft, labels, an overlong reply).
 */
import { partsToPlainText } from '../../src/core/plain-text.ts';
import type { Audience, Choice, Flag, Part, Reply, Verdict } from '../../src/core/types.ts';
import { toActionId } from './action-ids.ts';
import type { ActionsBlock, ButtonElement, ContextBlock, MessageBlock, PlainText, SectionBlock, SlackMessage } from './block-types.ts';
import { escapeSlack, escapedLength, fitEscaped, splitEscaped } from './escape.ts';
import { LIMITS } from './limits.ts';
import { CATEGORY_LABELS } from '../../src/core/labels.ts';

export interface RenderOptions {
  /** Blocks per message: 50 for messages, 100 for views. */
  maxBlocks?: number;
  /** Messages one reply may take before the rest is left out with a note. */
  maxMessages?: number;
}

/** Numbers buttons so that every `action_id` in a message (or view) is unique. */
export interface ButtonCounter {
  next: number;
}

const VERDICT_LABEL: Record<Verdict, string> = {
  ok: '✅ Looks fine',
  caution: '⚠️ Caution',
  risky: '🛑 Risky',
};

const AUDIENCE_LABEL: Record<Audience, string> = {
  everyone: 'fits everyone (professional and personal networks)',
  personal: 'keep it to a personal circle (close friends, a private list)',
  nobody: 'do not post it anywhere',
};


/** The draft echoed back is cut here; the person has the rest. */
const QUOTE_MAX = 2800;

function plain(escaped: string): PlainText {
  return { type: 'plain_text', text: escaped, emoji: true };
}

function sections(text: string): SectionBlock[] {
  return splitEscaped(text, LIMITS.sectionText).map((piece) => ({ type: 'section', text: plain(piece) }));
}

function context(text: string): ContextBlock[] {
  const pieces = splitEscaped(text, LIMITS.sectionText);
  const blocks: ContextBlock[] = [];
  for (let index = 0; index < pieces.length; index += LIMITS.contextElements) {
    blocks.push({ type: 'context', elements: pieces.slice(index, index + LIMITS.contextElements).map(plain) });
  }
  return blocks;
}

/**
 * A button's value, escaped like everything else (fromActionId unescapes it) so
 * no markup leaves the bot even in data. Long values cannot ride on a button: a
 * draft falls back to the review form, a question is shortened at a word break.
 */
function buttonAction(choice: Choice): Choice['action'] {
  const { action } = choice;
  if (escapedLength(action.value) <= LIMITS.buttonValue) return { id: action.id, value: escapeSlack(action.value) };
  if (action.id === 'review-as-post') return { id: 'open-review', value: '' };
  return { id: action.id, value: splitEscaped(action.value, LIMITS.buttonValue)[0] ?? '' };
}

export function renderButton(choice: Choice, counter: ButtonCounter): ButtonElement {
  const action = buttonAction(choice);
  const button: ButtonElement = {
    type: 'button',
    action_id: toActionId(action.id, counter.next++),
    text: plain(fitEscaped(choice.label.replace(/\s+/g, ' ').trim(), LIMITS.buttonText)),
  };
  if (action.value !== '') button.value = action.value;
  if (choice.style) button.style = choice.style;
  return button;
}

function actions(choices: Choice[], counter: ButtonCounter): ActionsBlock[] {
  const blocks: ActionsBlock[] = [];
  for (let index = 0; index < choices.length; index += LIMITS.actionsElements) {
    blocks.push({ type: 'actions', elements: choices.slice(index, index + LIMITS.actionsElements).map((choice) => renderButton(choice, counter)) });
  }
  return blocks;
}

function bullets(items: string[]): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  let current = '';
  const flush = () => {
    if (current) blocks.push({ type: 'section', text: plain(current) });
    current = '';
  };
  for (const item of items) {
    for (const piece of splitEscaped(`• ${item}`, LIMITS.sectionText)) {
      const joined = current ? `${current}\n${piece}` : piece;
      if (joined.length > LIMITS.sectionText) {
        flush();
        current = piece;
      } else current = joined;
    }
  }
  flush();
  return blocks;
}

function quote(text: string): MessageBlock[] {
  // The bar each line gets counts against the section's limit too (a post of many short lines).
  const barred = text
    .split('\n')
    .map((line) => `│ ${line}`)
    .join('\n');
  const full = escapeSlack(barred);
  const shown = escapedLength(barred) > QUOTE_MAX ? fitEscaped(barred, QUOTE_MAX) : full;
  const blocks: MessageBlock[] = [{ type: 'section', text: plain(shown) }];
  if (shown !== full) {
    blocks.push(...context(`Your text is shown shortened (${text.length.toLocaleString('en-US')} characters); the review covers all of it.`));
  }
  return blocks;
}

function flagText(flag: Flag): string {
  return [`${CATEGORY_LABELS[flag.category]}: “${flag.words}”`, flag.message, `Why: ${flag.why}`, `Instead: ${flag.suggestion}`]
    .filter((line) => line.trim() !== '')
    .join('\n');
}

function links(part: Extract<Part, { type: 'links' }>): ContextBlock[] {
  const elements = part.links.map((link) => {
    const label = escapeSlack(link.text).replace(/\|/g, '¦');
    if (!/^https?:\/\/[^\s<>|]+$/.test(link.url)) return plain(fitEscaped(`${link.text}: ${link.url}`, LIMITS.sectionText));
    return { type: 'mrkdwn' as const, text: `<${link.url.replace(/&/g, '&amp;')}|${label}>`, verbatim: true };
  });
  const blocks: ContextBlock[] = [];
  for (let index = 0; index < elements.length; index += LIMITS.contextElements) {
    blocks.push({ type: 'context', elements: elements.slice(index, index + LIMITS.contextElements) });
  }
  return blocks;
}

/** The blocks of one part. */
export function renderPart(part: Part, counter: ButtonCounter): MessageBlock[] {
  switch (part.type) {
    case 'heading':
      return [{ type: 'header', text: plain(fitEscaped(part.text.replace(/\s+/g, ' ').trim(), LIMITS.headerText)) }];
    case 'paragraph':
      return sections(part.text);
    case 'note':
      return context(part.text);
    case 'bullets':
      return bullets(part.items);
    case 'quote':
      return quote(part.text);
    case 'verdict': {
      const head = `${VERDICT_LABEL[part.verdict]}: ${AUDIENCE_LABEL[part.audience]}`;
      return sections(part.summary.trim() ? `${head}\n${part.summary}` : head);
    }
    case 'flag':
      return [...sections(flagText(part.flag)), ...actions(part.actions, counter)];
    case 'choices':
      return [...(part.label ? sections(part.label) : []), ...actions(part.choices, counter)];
    case 'links':
      return links(part);
  }
}

function fallbackText(text: string): string {
  return fitEscaped(text.trim() === '' ? 'social-check' : text, LIMITS.fallbackText);
}

/**
 * A reply as one or more Slack messages of at most `maxBlocks` blocks each. A
 * part's blocks stay together when they can; a reply longer than `maxMessages`
 * is cut with a note saying so.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage[] {
  const maxBlocks = options.maxBlocks ?? LIMITS.messageBlocks;
  const maxMessages = options.maxMessages ?? 4;
  const counter: ButtonCounter = { next: 0 };
  const chunks: Array<{ parts: Part[]; blocks: MessageBlock[] }> = [{ parts: [], blocks: [] }];
  const parts: Part[] = reply.parts.length > 0 ? reply.parts : [{ type: 'paragraph', text: reply.text || 'Done.' }];
  for (const part of parts) {
    const blocks = renderPart(part, counter);
    let chunk = chunks[chunks.length - 1]!;
    if (chunk.blocks.length > 0 && chunk.blocks.length + blocks.length > maxBlocks) {
      chunk = { parts: [], blocks: [] };
      chunks.push(chunk);
    }
    chunk.parts.push(part);
    for (const block of blocks) {
      if (chunk.blocks.length === maxBlocks) {
        chunk = { parts: [part], blocks: [] };
        chunks.push(chunk);
      }
      chunk.blocks.push(block);
    }
  }
  let kept = chunks;
  if (chunks.length > maxMessages) {
    kept = chunks.slice(0, maxMessages);
    const last = kept[maxMessages - 1]!;
    last.blocks = last.blocks.slice(0, maxBlocks - 1);
    last.blocks.push(...context('This reply was too long for Slack, so the rest was left out. Check a shorter text, or split it into parts.'));
  }
  return kept.map((chunk, index) => ({
    text: fallbackText(index === 0 ? reply.text : partsToPlainText(chunk.parts)),
    blocks: chunk.blocks,
  }));
}
