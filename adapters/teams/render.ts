/**
 * The pure renderer: a neutral core `Reply` becomes one or more Adaptive Cards
 * (schema 1.5). No I/O, no botbuilder: the bot wraps the cards into activities.
 *
 * Text the person wrote (a quoted draft, flagged words) goes into TextRuns,
 * which never render Markdown; all other text goes into TextBlocks through
 * `escapeMarkdown`. Long replies are split into several cards, each within
 * `MAX_CARD_BYTES`, because Teams refuses messages over about 28 KB.
 */
import type { Audience, Choice, Flag, Part, Reply, Verdict } from '../../src/core/types.ts';
import { buttonTitle, escapeMarkdown, neutralizeMentions } from './card-text.ts';
import {
  CARD_SCHEMA,
  CARD_VERSION,
  type ActionSet,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type SubmitAction,
  type SubmitData,
  type TextBlock,
  type TextRun,
} from './card-types.ts';
import { CATEGORY_LABELS } from '../../src/core/labels.ts';

/** Budget for one card's JSON: Teams' limit is about 28 KB per message, the activity envelope needs the rest. */
export const MAX_CARD_BYTES = 24_000;
/** The longest text one element carries; longer text is cut at a line or word boundary. */
export const MAX_TEXT_CHARS = 2_000;
/** Teams shows at most six buttons in a row of actions; keep rows shorter. */
export const MAX_ACTIONS_PER_SET = 5;


export const VERDICT_TITLE: Record<Verdict, string> = {
  ok: 'Looks fine to post',
  caution: 'Post with care',
  risky: 'Think twice before posting this',
};

export const AUDIENCE_TEXT: Record<Audience, string> = {
  everyone: 'Fits everyone: professional and personal networks alike.',
  personal: 'Fits a personal circle only: close friends, a private list.',
  nobody: 'Fits nobody: better not post it anywhere.',
};

const VERDICT_STYLE = { ok: 'good', caution: 'warning', risky: 'attention' } as const;
const SEVERITY_COLOR = { low: undefined, medium: 'Warning', high: 'Attention' } as const;

/** Cuts text into pieces of at most `max` characters, preferring line, then word boundaries. */
export function chunkText(text: string, max = MAX_TEXT_CHARS): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    // Never split a surrogate pair.
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  chunks.push(rest);
  return chunks;
}

function textBlock(text: string, extra: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock {
  return { type: 'TextBlock', text: escapeMarkdown(text), wrap: true, ...extra };
}

function textBlocks(text: string, extra: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock[] {
  return chunkText(text).map((chunk) => textBlock(chunk, extra));
}

/** The data an Action.Submit carries: `{ sc: actionId, v: value }`. */
export function submitData(choice: Pick<Choice, 'action'>): SubmitData {
  return { sc: choice.action.id, v: choice.action.value };
}

/**
 * The longest value a button carries. A longer one (the whole text, on "Review
 * this as a post") would push the card past what Teams accepts: the review
 * button opens the draft form instead, a question is cut at a line or word break.
 */
export const MAX_SUBMIT_VALUE = 2_000;

export function submitAction(choice: Choice): SubmitAction {
  if (choice.action.value.length > MAX_SUBMIT_VALUE) {
    if (choice.action.id === 'review-as-post') return { ...OPEN_REVIEW_FORM_ACTION, title: buttonTitle(choice.label) };
    return submitAction({ ...choice, action: { ...choice.action, value: chunkText(choice.action.value, MAX_SUBMIT_VALUE)[0]! } });
  }
  const action: SubmitAction = { type: 'Action.Submit', title: buttonTitle(choice.label), data: submitData(choice) };
  if (choice.style === 'primary') action.style = 'positive';
  if (choice.style === 'danger') action.style = 'destructive';
  return action;
}

function actionSets(actions: CardAction[]): ActionSet[] {
  const sets: ActionSet[] = [];
  for (let index = 0; index < actions.length; index += MAX_ACTIONS_PER_SET) {
    sets.push({ type: 'ActionSet', actions: actions.slice(index, index + MAX_ACTIONS_PER_SET) });
  }
  return sets;
}

/** The flag's message with its words highlighted where it quotes them (else the words first). */
function flagInlines(flag: Flag): TextRun[] {
  const words = neutralizeMentions(flag.words);
  const message = neutralizeMentions(flag.message);
  const quoted = `"${words}"`;
  const at = message.indexOf(quoted);
  if (at < 0) return [{ type: 'TextRun', text: `“${words}”`, highlight: true }, { type: 'TextRun', text: ` ${message}` }];
  const runs: TextRun[] = [];
  if (at > 0) runs.push({ type: 'TextRun', text: message.slice(0, at) });
  runs.push({ type: 'TextRun', text: `“${words}”`, highlight: true });
  if (at + quoted.length < message.length) runs.push({ type: 'TextRun', text: message.slice(at + quoted.length) });
  return runs;
}

function renderFlag(flag: Flag, actions: Choice[]): CardElement {
  const color = SEVERITY_COLOR[flag.severity];
  return {
    type: 'Container',
    separator: true,
    items: [
      {
        type: 'RichTextBlock',
        inlines: [{ type: 'TextRun', text: `${CATEGORY_LABELS[flag.category]}: `, weight: 'Bolder', ...(color ? { color } : {}) }, ...flagInlines(flag)],
      },
      textBlock(`Why: ${flag.why}`, { spacing: 'Small' }),
      textBlock(`Instead: ${flag.suggestion}`, { spacing: 'Small' }),
      ...actionSets(actions.map(submitAction)),
    ],
  };
}

function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/** One part → the card elements that show it. */
export function renderPart(part: Part): CardElement[] {
  switch (part.type) {
    case 'heading':
      return [textBlock(part.text, { weight: 'Bolder', size: 'Medium', style: 'heading' })];
    case 'paragraph':
      return textBlocks(part.text);
    case 'note':
      return textBlocks(part.text, { isSubtle: true, size: 'Small' });
    case 'bullets':
      return part.items.flatMap((item) => textBlocks(`• ${item}`, { spacing: 'Small' }));
    case 'quote':
      return chunkText(part.text).map((chunk) => ({
        type: 'Container',
        style: 'emphasis',
        items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: neutralizeMentions(chunk), italic: true }] }],
      }));
    case 'verdict': {
      const items: CardElement[] = [
        textBlock(VERDICT_TITLE[part.verdict], { weight: 'Bolder', size: 'Medium', style: 'heading' }),
        textBlock(AUDIENCE_TEXT[part.audience], { spacing: 'Small' }),
      ];
      if (part.summary.trim() !== '') items.push(...textBlocks(part.summary, { spacing: 'Small' }));
      return [{ type: 'Container', style: VERDICT_STYLE[part.verdict], items }];
    }
    case 'flag':
      return [renderFlag(part.flag, part.actions)];
    case 'choices': {
      const elements: CardElement[] = part.label ? [textBlock(part.label)] : [];
      return [...elements, ...actionSets(part.choices.map(submitAction))];
    }
    case 'links': {
      const web = part.links.filter((link) => isWebUrl(link.url));
      const other = part.links.filter((link) => !isWebUrl(link.url));
      return [
        ...actionSets(web.map((link): CardAction => ({ type: 'Action.OpenUrl', title: buttonTitle(link.text), url: link.url }))),
        ...other.flatMap((link) => textBlocks(`${link.text}: ${link.url}`)),
      ];
    }
  }
}

/** The button that opens the draft form (a task module) from a chat card. */
export const OPEN_REVIEW_FORM_ACTION: SubmitAction = {
  type: 'Action.Submit',
  title: 'Open the draft form',
  data: { msteams: { type: 'task/fetch' }, sc: 'open-review', v: '' },
  style: 'positive',
};

export function emptyCard(body: CardElement[] = []): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body, msteams: { width: 'Full' } };
}

function bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** Packs elements into as few cards as fit the byte budget, in order. */
export function packCards(elements: CardElement[], maxBytes = MAX_CARD_BYTES): AdaptiveCard[] {
  const base = bytes(emptyCard());
  const cards: AdaptiveCard[] = [];
  let current: CardElement[] = [];
  let size = base;
  for (const element of elements) {
    const elementSize = bytes(element) + 1;
    if (current.length > 0 && size + elementSize > maxBytes) {
      cards.push(emptyCard(current));
      current = [];
      size = base;
    }
    current.push(element);
    size += elementSize;
  }
  if (current.length > 0 || cards.length === 0) cards.push(emptyCard(current));
  if (cards.length > 1) {
    cards.forEach((card, index) => {
      if (index > 0) card.body.unshift(textBlock(`Continued (part ${index + 1} of ${cards.length})`, { isSubtle: true, size: 'Small' }));
    });
  }
  return cards;
}

export interface RenderOptions {
  maxBytes?: number;
  /** Chat cards offer the draft form as a button; a task module already is the form. */
  offerReviewForm?: boolean;
}

/** A core reply → the Adaptive Cards that show it, in order (usually one). */
export function renderReply(reply: Reply, options: RenderOptions = {}): AdaptiveCard[] {
  const elements = reply.parts.flatMap(renderPart);
  if (reply.meta?.openReviewForm && options.offerReviewForm !== false) {
    elements.push({ type: 'ActionSet', actions: [OPEN_REVIEW_FORM_ACTION] });
  }
  return packCards(elements, options.maxBytes);
}
