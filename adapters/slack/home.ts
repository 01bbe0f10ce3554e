/** Publishes the App Home tab for one person. */
import type { InboundMessage } from '../../src/core/types.ts';
import { describeError } from './describe-error.ts';
import { handleSafely, type Runtime } from './runtime.ts';
import { homeView } from './views.ts';

export async function publishHome(runtime: Runtime, userId: string, teamId?: string): Promise<void> {
  const base: InboundMessage = {
    platform: 'slack',
    user: { id: userId },
    conversation: teamId ? { id: userId, kind: 'direct', teamId } : { id: userId, kind: 'direct' },
    text: '',
    private: true,
  };
  try {
    const [strategy, help, prefs] = await Promise.all([
      handleSafely(runtime, { ...base, text: 'strategy' }, 'home'),
      handleSafely(runtime, { ...base, text: 'help' }, 'home'),
      runtime.store.getPrefs({ platform: 'slack', userId }),
    ]);
    const view = homeView({ strategy, help, ignoredTerms: prefs.ignoredTerms, content: runtime.core.content });
    await runtime.web.views.publish({ user_id: userId, view });
  } catch (error) {
    runtime.logger.warn({ err: describeError(error) }, 'Slack: could not publish the App Home tab');
  }
}
