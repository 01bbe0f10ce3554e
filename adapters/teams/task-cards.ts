/**
 * Cards for task modules (dialogs): the draft form the message extension opens,
 * and a core reply fitted into one dialog card. Pure data, like render.ts.
 */
import { MAX_TEXT_LENGTH } from '../../src/core/create-core.ts';
import { PRIVACY_NOTE } from '../../src/core/replies.ts';
import { SOCIAL_PLATFORMS, type Reply, type SocialPlatform } from '../../src/core/types.ts';
import { escapeMarkdown } from './card-text.ts';
import type { AdaptiveCard, CardElement, SubmitAction } from './card-types.ts';
import { emptyCard, renderReply, type RenderOptions } from './render.ts';
import { SOCIAL_PLATFORM_LABELS } from '../../src/core/labels.ts';

/** The submit data of the draft form's button; Teams adds the inputs `draft` and `socialPlatform`. */
export const DRAFT_FORM_SUBMIT = 'draft-form';
export const ANY_PLATFORM = 'any';
export const DIALOG_TITLE = 'Check a draft';


export interface DraftFormOptions {
  draft?: string;
  socialPlatform?: SocialPlatform;
  /** Shown above the form, e.g. when the last submit was empty. */
  problem?: string;
}

export function draftFormCard(options: DraftFormOptions = {}): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: 'Check a draft before you post it', wrap: true, weight: 'Bolder', size: 'Medium', style: 'heading' },
    { type: 'TextBlock', text: escapeMarkdown(`Only you see the review. ${PRIVACY_NOTE}`), wrap: true, isSubtle: true, size: 'Small' },
  ];
  if (options.problem) body.push({ type: 'TextBlock', text: escapeMarkdown(options.problem), wrap: true, color: 'Attention' });
  body.push(
    {
      type: 'Input.Text',
      id: 'draft',
      label: 'Your draft',
      isMultiline: true,
      maxLength: MAX_TEXT_LENGTH,
      placeholder: 'Paste the post you are about to publish',
      isRequired: true,
      errorMessage: 'Paste the draft you want checked.',
      ...(options.draft ? { value: options.draft } : {}),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'socialPlatform',
      label: 'Where will you post it?',
      style: 'compact',
      value: options.socialPlatform ?? ANY_PLATFORM,
      choices: [
        { title: 'Not sure yet', value: ANY_PLATFORM },
        ...SOCIAL_PLATFORMS.map((id) => ({ title: SOCIAL_PLATFORM_LABELS[id], value: id })),
      ],
    },
  );
  const card = emptyCard(body);
  card.actions = [{ type: 'Action.Submit', title: 'Check my draft', data: { sc: DRAFT_FORM_SUBMIT, v: '' }, style: 'positive' }];
  return card;
}

const ANOTHER_DRAFT: SubmitAction = { type: 'Action.Submit', title: 'Check another draft', data: { sc: 'open-review', v: '' } };

/**
 * A reply in one dialog card. A dialog shows one card, so a review too long for
 * it drops the echoed draft (the person has it in front of them) and, if still
 * too long, keeps the first part with a note.
 */
export function dialogCard(reply: Reply, options: RenderOptions = {}): AdaptiveCard {
  const renderOptions = { ...options, offerReviewForm: false };
  let cards = renderReply(reply, renderOptions);
  if (cards.length > 1) cards = renderReply({ ...reply, parts: reply.parts.filter((part) => part.type !== 'quote') }, renderOptions);
  const card = cards[0]!;
  if (cards.length > 1) {
    card.body.push({
      type: 'TextBlock',
      text: escapeMarkdown(`This review is longer than a dialog can show; I kept the first part. Check the draft in smaller pieces, or send it to me in a personal chat to see all of it.`),
      wrap: true,
      isSubtle: true,
      size: 'Small',
    });
  }
  card.actions = [ANOTHER_DRAFT];
  return card;
}

/** Reads the draft form's inputs from submit data. */
export function draftFormInput(data: Record<string, unknown>): { draft: string; socialPlatform?: SocialPlatform } {
  const draft = typeof data.draft === 'string' ? data.draft : '';
  const platform = typeof data.socialPlatform === 'string' ? data.socialPlatform : '';
  const socialPlatform = (SOCIAL_PLATFORMS as readonly string[]).includes(platform) ? (platform as SocialPlatform) : undefined;
  return socialPlatform ? { draft, socialPlatform } : { draft };
}
