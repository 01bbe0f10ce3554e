/** Whether a person is a workspace admin or owner (users.info), cached briefly. */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/core/ports.ts';
import { describeError } from './describe-error.ts';
import { TtlCache } from './ttl-cache.ts';

export type AdminLookup = (userId: string) => Promise<boolean>;

export function createAdminLookup(web: webApi.WebClient, logger: Logger, ttlMs: number, now: () => number): AdminLookup {
  const cache = new TtlCache<boolean>(ttlMs, 5000, now);
  return async (userId) => {
    const cached = cache.get(userId);
    if (cached !== undefined) return cached;
    try {
      const result = await web.users.info({ user: userId });
      const user = result.user;
      const isAdmin = Boolean(user && (user.is_admin || user.is_owner || user.is_primary_owner));
      cache.set(userId, isAdmin);
      return isAdmin;
    } catch (error) {
      // Not cached: the next command asks again. Manager commands then refuse politely.
      logger.warn({ err: describeError(error) }, 'Slack users.info failed; treating the person as not an admin');
      return false;
    }
  };
}
