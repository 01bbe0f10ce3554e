/** Who may send nudges and see stats. */
import { SocialCheckError } from '../core/errors.ts';
import type { ChatPlatform, InboundMessage } from '../core/types.ts';

export type ManagerIds = ReadonlySet<string>;

const PLATFORMS: readonly ChatPlatform[] = ['slack', 'teams', 'cli'];

/**
 * Parses `MANAGER_IDS`: comma-separated `platform:userId` (the user id may
 * contain colons itself: `teams:29:1abc`; a Teams person is usually their Entra object id). Throws `config_invalid` naming the entry.
 */
export function parseManagerIds(value: string | undefined): Set<string> {
  const ids = new Set<string>();
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const colon = entry.indexOf(':');
    const platform = entry.slice(0, colon).toLowerCase();
    const userId = entry.slice(colon + 1).trim();
    if (colon <= 0 || !(PLATFORMS as readonly string[]).includes(platform) || userId === '') {
      throw new SocialCheckError('config_invalid', `"${entry}" is not platform:userId (e.g. slack:U0123ABC or teams:7faf8ab2-3d56-4244-b585-20c8a42ed2b8).`);
    }
    ids.add(`${platform}:${userId}`);
  }
  return ids;
}

/** Managers are named in configuration; on Slack, workspace admins and owners are managers too. */
export function isManager(message: InboundMessage, managers: ManagerIds): boolean {
  if (managers.has(`${message.platform}:${message.user.id}`)) return true;
  return message.platform === 'slack' && message.user.isAdmin === true;
}
