import type { ChannelRef } from '../core/ports.ts';
import type { ChatPlatform } from '../core/types.ts';

/** The channel a schedule or a delivery goes to, read back from its platform, channel_id and team_id columns. */
export function channelFromRow(row: { platform: string; channel_id: string; team_id: string | null }): ChannelRef {
  const channel: ChannelRef = { platform: row.platform as ChatPlatform, channelId: row.channel_id };
  if (row.team_id) channel.teamId = row.team_id;
  return channel;
}
