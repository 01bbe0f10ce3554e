/** The `ChannelPoster` of each platform, registered by the adapters once they exist. */
import { SocialCheckError } from '../core/errors.ts';
import type { ChannelPoster } from '../core/ports.ts';
import type { ChatPlatform } from '../core/types.ts';

export class PosterRegistry {
  private readonly posters = new Map<ChatPlatform, ChannelPoster>();

  register(poster: ChannelPoster): void {
    this.posters.set(poster.platform, poster);
  }

  has(platform: ChatPlatform): boolean {
    return this.posters.has(platform);
  }

  get(platform: ChatPlatform): ChannelPoster {
    const poster = this.posters.get(platform);
    if (!poster) throw new SocialCheckError('delivery_failed', `${platform === 'slack' ? 'Slack' : platform === 'teams' ? 'Teams' : platform} is not enabled on this server, so I cannot post there.`);
    return poster;
  }
}
