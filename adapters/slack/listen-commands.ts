/**
 * `/social-check [text]`. The reply goes in the acknowledgement when the core
 * answers within the budget (~2.5 s of Slack's 3); otherwise the command is
 * acknowledged empty and the reply follows through response_url. Alone, the
 * command opens the review modal.
 */
import type { App, SlashCommand } from '@slack/bolt';
import { conversationKind, toInbound } from './inbound.ts';
import { fromSlackText, isManagerCommand } from './parse-text.ts';
import { renderReply } from './render.ts';
import { handleSafely, sendReply, SORRY, type Runtime } from './runtime.ts';
import { openReviewModal } from './modal.ts';
import { within } from './within.ts';
import { describeError } from './describe-error.ts';
import { errorReply } from '../../src/core/replies.ts';

export const COMMAND = '/social-check';

export function inboundFromCommand(command: SlashCommand) {
  const text = fromSlackText(command.text ?? '', { keepChannelRefs: isManagerCommand(fromSlackText(command.text ?? '')) });
  return toInbound({
    userId: command.user_id,
    teamId: command.team_id,
    channelId: command.channel_id,
    kind: conversationKind(command.channel_id, undefined, command.channel_name),
    text,
    private: true,
  });
}

export function listenToCommands(app: App, runtime: Runtime): void {
  app.command(COMMAND, async ({ command, ack }) => {
    const target = { type: 'response_url' as const, url: command.response_url };
    if ((command.text ?? '').trim() === '') {
      await ack();
      await openReviewModal(runtime, command.trigger_id, { responseUrl: command.response_url, channelId: command.channel_id }, target);
      return;
    }
    const work = handleSafely(runtime, inboundFromCommand(command), 'command');
    const inTime = await within(work, runtime.settings.ackBudgetMs);
    if (!inTime) {
      await ack();
      await sendReply(runtime, target, await work, 'command');
      return;
    }
    const reply = inTime.value;
    if (reply.meta?.openReviewForm) {
      await ack();
      await openReviewModal(runtime, command.trigger_id, { responseUrl: command.response_url, channelId: command.channel_id }, target);
      return;
    }
    const [first, ...rest] = renderReply(reply);
    try {
      await ack({ response_type: 'ephemeral', text: first!.text, blocks: first!.blocks });
    } catch (error) {
      runtime.logger.warn({ where: 'command', err: describeError(error) }, 'Slack: acknowledging a command failed');
      await sendReply(runtime, target, errorReply(SORRY), 'command');
      return;
    }
    if (rest.length > 0) {
      try {
        await runtime.deliverer.send(target, rest);
      } catch {
        await sendReply(runtime, target, errorReply('Part of that reply could not be shown. Please try again.'), 'command');
      }
    }
  });
}
