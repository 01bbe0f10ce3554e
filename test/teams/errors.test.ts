/**
 * The one catch-all (adapter.onTurnError) and Teams' 5-second invoke limit:
 * the person always gets a friendly answer, the log never gets their text.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { dialogCard } from '../../adapters/teams/task-cards.ts';
import { renderReply } from '../../adapters/teams/render.ts';
import type { Core } from '../../src/core/create-core.ts';
import { errorReply } from '../../src/core/replies.ts';
import { fixture, personalMessage, type Activity } from './helpers/activities.ts';
import { startHarness, testCore, type Harness } from './helpers/harness.ts';

const SECRET_DRAFT = 'Our Q3 revenue drops 40% tomorrow,\nsell now before the announcement\nat least tell your friends';
const SORRY = errorReply('Sorry, something went wrong on my side and I could not answer that. Please try again; nothing you sent was kept.');
const TOO_SLOW = errorReply('Sorry, that took me too long to check. Please try again in a moment.');

function dialog(card: unknown) {
  return { task: { type: 'continue', value: { title: 'Check a draft', height: 'large', width: 'large', card: { contentType: 'application/vnd.microsoft.card.adaptive', content: card } } } };
}

/** A core that fails the way a broken dependency would: the error message quotes the input. */
const brokenCore: Core = {
  get content() {
    return testCore().content;
  },
  async handle(message) {
    throw new SyntaxError(`Unexpected token in "${message.text}"`);
  },
};

function submitDraft(serviceUrl: string, draft: string): Activity {
  const activity = fixture('invoke_composeExtension_fetchTask_channel_new_post.json');
  return {
    ...activity,
    channelId: 'msteams',
    serviceUrl,
    recipient: { id: '28:bot', name: 'social-check' },
    name: 'composeExtension/submitAction',
    value: { commandId: 'checkDraft', commandContext: 'compose', data: { sc: 'draft-form', v: '', draft } },
  };
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('the catch-all error handler', () => {
  test('a failing message turn answers with an apology card and logs no text', async () => {
    h = await startHarness({ core: brokenCore });
    const incoming = personalMessage(h.connector.url, SECRET_DRAFT);
    expect((await h.post(incoming)).status).toBe(200);
    expect(h.connector.sent().map((call) => call.body.attachments[0].content)).toEqual(renderReply(SORRY));
    const failures = h.logger.entries.filter((entry) => entry.message === 'teams turn failed');
    expect(failures).toHaveLength(1);
    expect(failures[0]!.object).toMatchObject({ err: { name: 'SyntaxError' }, activityType: 'message' });
    // Where it failed is kept (the frames), what it was given is not.
    const frames = (failures[0]!.object as { err: { stack: string[] } }).err.stack;
    expect(frames[0]).toMatch(/^at Object\.handle \(.*errors\.test\.ts:\d+:\d+\)$/);
    expect(JSON.stringify(h.logger.entries)).not.toContain('Q3 revenue');
    expect(JSON.stringify(h.logger.entries)).not.toContain('sell now');
    expect(JSON.stringify(h.logger.entries)).not.toContain('tell your friends');
  });

  test('a failing invoke answers 200 with the apology in the dialog', async () => {
    h = await startHarness({ core: brokenCore });
    const response = await h.post(submitDraft(h.connector.url, SECRET_DRAFT));
    expect(response).toEqual({ status: 200, body: dialog(dialogCard(SORRY)) });
    for (const line of SECRET_DRAFT.split('\n')) expect(JSON.stringify(h.logger.entries)).not.toContain(line.slice(0, 12));
    expect(h.connector.calls).toEqual([]);
  });
});

describe("Teams' 5-second limit on invokes", () => {
  test('an answer that takes too long is replaced by a "try again" card before Teams gives up', async () => {
    const slowCore: Core = {
      get content() {
        return testCore().content;
      },
      async handle(message) {
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        return testCore().handle(message);
      },
    };
    h = await startHarness({ core: slowCore, invokeDeadlineMs: 100 });
    const started = Date.now();
    const response = await h.post(submitDraft(h.connector.url, 'Lovely day at the beach'));
    // Safety bound asked for by the issue: well inside Teams' 5 s, here with a 100 ms deadline
    // (the bound is loose so that a loaded machine does not fail it; the core alone takes 3 s).
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(response).toEqual({ status: 200, body: dialog(dialogCard(TOO_SLOW)) });
    expect(h.logger.entries.some((entry) => entry.message === 'teams invoke answer took too long')).toBe(true);
  });
});
