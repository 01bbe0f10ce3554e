/** Opening the review modal and answering its submission. */
import type { App } from '@slack/bolt';
import { errorReply } from '../../src/core/replies.ts';
import type { Target } from './deliver.ts';
import { describeError } from './describe-error.ts';
import { conversationKind, toInbound } from './inbound.ts';
import { handleSafely, sendReply, type Runtime } from './runtime.ts';
import { decodeTarget, DRAFT_BLOCK, DRAFT_INPUT, isSocialPlatform, PLATFORM_BLOCK, PLATFORM_INPUT, REVIEW_VIEW_ID, reviewModal, type ReviewTarget } from './views.ts';

/** Opens the modal; if Slack refuses (an expired trigger), the person is told at `onFailure`. */
export async function openReviewModal(runtime: Runtime, triggerId: string, target: ReviewTarget, onFailure?: Target): Promise<void> {
  try {
    await runtime.web.views.open({ trigger_id: triggerId, view: reviewModal(target) });
  } catch (error) {
    runtime.logger.warn({ err: describeError(error) }, 'Slack: could not open the review form');
    if (onFailure) {
      await sendReply(runtime, onFailure, errorReply('I could not open the form. Send me the draft directly, or try /social-check again.'), 'modal');
    }
  }
}

interface ViewState {
  values: Record<string, Record<string, { value?: string | null; selected_option?: { value?: string } | null }>>;
}

export function listenToModal(app: App, runtime: Runtime): void {
  app.view(REVIEW_VIEW_ID, async ({ ack, view, body }) => {
    const values = (view.state as ViewState).values;
    const text = values[DRAFT_BLOCK]?.[DRAFT_INPUT]?.value ?? '';
    if (text.trim() === '') {
      await ack({ response_action: 'errors', errors: { [DRAFT_BLOCK]: 'Paste the post you want checked.' } });
      return;
    }
    await ack();
    const platform = values[PLATFORM_BLOCK]?.[PLATFORM_INPUT]?.selected_option?.value;
    const saved = decodeTarget(view.private_metadata);
    const responseUrl = saved.responseUrl ?? (body as { response_urls?: Array<{ response_url?: string }> }).response_urls?.[0]?.response_url;
    const userId = body.user.id;
    const channelId = saved.channelId ?? userId;
    const target: Target = responseUrl ? { type: 'response_url', url: responseUrl } : { type: 'channel', channel: channelId };
    const inbound = toInbound({
      userId,
      teamId: body.team?.id ?? body.user.team_id,
      channelId,
      kind: conversationKind(channelId),
      text,
      mode: 'review',
      private: true,
      ...(isSocialPlatform(platform) ? { socialPlatform: platform } : {}),
    });
    const reply = await handleSafely(runtime, inbound, 'modal');
    // An expired response_url (over 30 minutes) still reaches the person in their DM.
    await sendReply(runtime, target, reply, 'modal', { type: 'channel', channel: userId });
  });
}
