/** Posts a nudge to a channel (the scheduler and `nudge #channel` use it). */
import type { webApi } from '@slack/bolt';
import { SocialCheckError } from '../../src/core/errors.ts';
import type { ChannelPoster, ChannelRef } from '../../src/core/ports.ts';
import type { Reply } from '../../src/core/types.ts';
import { describeError } from './describe-error.ts';
import { Deliverer } from './deliver.ts';
import { renderReply } from './render.ts';

const GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived']);

export function createChannelPoster(web: webApi.WebClient): ChannelPoster {
  const deliverer = new Deliverer(web);
  return {
    platform: 'slack',
    async post(channel: ChannelRef, reply: Reply): Promise<{ messageId?: string }> {
      try {
        const ts = await deliverer.send({ type: 'channel', channel: channel.channelId }, renderReply(reply));
        return ts ? { messageId: ts } : {};
      } catch (error) {
        const code = describeError(error).slackError;
        if (typeof code === 'string' && GONE.has(code)) {
          throw new SocialCheckError(
            'channel_unavailable',
            code === 'is_archived'
              ? 'That channel is archived, so I cannot post there.'
              : 'I cannot post in that channel: invite me first (type /invite @social-check in it), or pick another channel.',
            { cause: error },
          );
        }
        throw new SocialCheckError('delivery_failed', `Slack did not accept the post${typeof code === 'string' ? ` (${code})` : ''}.`, { cause: error });
      }
    },
  };
}
