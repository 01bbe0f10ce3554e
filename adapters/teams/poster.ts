/**
 * Proactive posts (nudges) to a Teams channel or chat, from the conversation
 * reference stored when the bot was installed there.
 */
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { SocialCheckError } from '../../src/core/errors.ts';
import type { ChannelPoster, ChannelRef, ConversationRefStore, Logger } from '../../src/core/ports.ts';
import type { Reply } from '../../src/core/types.ts';
import { cardActivities } from './bot.ts';
import { errorSummary } from './error-summary.ts';
import { renderReply } from './render.ts';

export interface TeamsPosterOptions {
  adapter: CloudAdapter;
  /** '' in anonymous mode. */
  appId: string;
  refs: ConversationRefStore;
  logger: Logger;
}

function statusOf(error: unknown): number | undefined {
  const candidate = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | null;
  for (const value of [candidate?.statusCode, candidate?.status, candidate?.response?.status]) {
    if (typeof value === 'number') return value;
  }
  return undefined;
}

export function createTeamsPoster(options: TeamsPosterOptions): ChannelPoster {
  const { adapter, appId, refs, logger } = options;
  return {
    platform: 'teams',
    async post(channel: ChannelRef, reply: Reply): Promise<{ messageId?: string }> {
      const record = await refs.getConversationRef('teams', channel.channelId);
      if (!record) {
        throw new SocialCheckError(
          'channel_unavailable',
          `I cannot post to that Teams conversation yet: add social-check to the team (or mention it once in the channel) so Teams lets it post there.`,
        );
      }
      let messageId: string | undefined;
      // botbuilder hands errors inside a turn to onTurnError; keep this one to report it to the caller.
      let failure: unknown;
      try {
        await adapter.continueConversationAsync(appId, record.reference as Partial<ConversationReference>, async (context) => {
          // A continuation turn would reply to its own made-up activity id; a nudge is a new post.
          context.onSendActivities(async (_context, activities, next) => {
            for (const activity of activities) delete activity.replyToId;
            return next();
          });
          try {
            const responses = await context.sendActivities(cardActivities(renderReply(reply, { offerReviewForm: false })));
            messageId = responses[0]?.id || undefined;
          } catch (error) {
            failure = error;
          }
        });
      } catch (error) {
        failure = error;
      }
      if (failure !== undefined) {
        const status = statusOf(failure);
        logger.warn({ err: errorSummary(failure), status, conversationKind: record.kind }, 'teams proactive post failed');
        if (status === 403 || status === 404) {
          throw new SocialCheckError(
            'channel_unavailable',
            `Teams refused the post to ${record.name ? `"${record.name}"` : 'that conversation'}: the app was probably removed from it. Add it again to post there.`,
            { cause: failure },
          );
        }
        throw new SocialCheckError('delivery_failed', `Teams did not accept the post${status ? ` (HTTP ${status})` : ''}.`, { cause: failure });
      }
      return messageId ? { messageId } : {};
    },
  };
}
