/**
 * The message extension and dialogs: real invoke activities over HTTP; the
 * invoke response (the dialog) comes back in the HTTP answer, and nothing is
 * posted to the conversation (a review is private).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { dialogCard, draftFormCard } from '../../adapters/teams/task-cards.ts';
import type { InboundMessage } from '../../src/core/types.ts';
import { fixture, personalSubmit, type Activity } from './helpers/activities.ts';
import { testCore, type Harness } from './helpers/harness.ts';
import { useRecordingHarness } from './helpers/recording-harness.ts';

const recording = useRecordingHarness();
const seen = recording.seen;
let h: Harness;
beforeAll(() => {
  h = recording.harness();
});

const OLO = { id: 'b130c271-d2eb-45f9-83ab-9eb3fe3788bc', name: 'Olo Brockhouse' };
const CHANNEL = { id: '19:6decf54d86d945e4b3924b63a9161a78@thread.skype', kind: 'channel' as const, teamId: '19:acca514e83cb497e960e0b014d405336@thread.skype' };

function dialog(card: unknown) {
  return { task: { type: 'continue', value: { title: 'Check a draft', height: 'large', width: 'large', card: { contentType: 'application/vnd.microsoft.card.adaptive', content: card } } } };
}

/** The docs' compose fetchTask from a channel, with our command id and the fake connector. */
function composeFetch(): Activity {
  const activity = fixture('invoke_composeExtension_fetchTask_channel_new_post.json');
  return { ...activity, channelId: 'msteams', serviceUrl: h.connector.url, recipient: { id: '28:bot', name: 'social-check' }, value: { ...activity.value, commandId: 'checkDraft' } };
}

/** A submitAction from the same channel, carrying the dialog's data. */
function submitAction(data: Record<string, unknown>): Activity {
  const docs = fixture('invoke_composeExtension_submitAction.json');
  const base = composeFetch();
  return { ...base, id: 'f:submit', name: docs.name, value: { ...docs.value, commandId: 'checkDraft', data } };
}

describe('"Check a draft" from the compose box', () => {
  test('fetchTask opens the draft form in a dialog', async () => {
    const response = await h.post(composeFetch());
    expect(response).toEqual({ status: 200, body: dialog(draftFormCard()) });
    expect(seen).toEqual([]);
    expect(h.connector.calls).toEqual([]);
  });

  test('fetchTask from a group chat opens the same form', async () => {
    const activity: Activity = { ...fixture('invoke_composeExtension_fetchTask_group_chat.json'), channelId: 'msteams', serviceUrl: h.connector.url, recipient: { id: '28:bot' } };
    activity.value.commandId = 'checkDraft';
    expect(await h.post(activity)).toEqual({ status: 200, body: dialog(draftFormCard()) });
  });

  test('submitAction reviews the draft for the chosen network and shows the review in the dialog, privately', async () => {
    const draft = 'So hungover after last night 🍻 and my boss is a total idiot, cannot wait to quit this place #mondays';
    const response = await h.post(submitAction({ sc: 'draft-form', v: '', draft, socialPlatform: 'linkedin' }));
    const expected: InboundMessage = { platform: 'teams', user: OLO, conversation: CHANNEL, text: draft, private: true, mode: 'review', socialPlatform: 'linkedin' };
    expect(seen).toEqual([expected]);
    expect(response).toEqual({ status: 200, body: dialog(dialogCard(await testCore().handle(expected))) });
    expect(h.connector.calls).toEqual([]);
  });

  test('an empty draft shows the form again with a note, keeping the chosen network', async () => {
    const response = await h.post(submitAction({ sc: 'draft-form', v: '', draft: '   ', socialPlatform: 'x' }));
    expect(response).toEqual({
      status: 200,
      body: dialog(draftFormCard({ socialPlatform: 'x', problem: 'I did not get any text. Paste the draft you want checked.' })),
    });
    expect(seen).toEqual([]);
  });

  test('an unknown network is ignored rather than trusted', async () => {
    await h.post(submitAction({ sc: 'draft-form', v: '', draft: 'Lovely day at the beach', socialPlatform: 'myspace' }));
    expect(seen[0]!.socialPlatform).toBeUndefined();
  });

  test('a flag button inside the dialog answers inside the dialog', async () => {
    const value = JSON.stringify({ category: 'profanity', ruleId: 'profanity.damn', term: 'damn' });
    const response = await h.post(submitAction({ sc: 'report-false-positive', v: value }));
    expect(seen[0]!.action).toEqual({ id: 'report-false-positive', value });
    expect(response).toEqual({ status: 200, body: dialog(dialogCard(await testCore().handle(seen[0]!))) });
  });

  test('"Check another draft" opens a fresh form', async () => {
    expect(await h.post(submitAction({ sc: 'open-review', v: '' }))).toEqual({ status: 200, body: dialog(draftFormCard()) });
  });
});

describe('"Check before posting" on a message', () => {
  test('fetchTask reviews the message text (HTML and mentions stripped) straight away', async () => {
    const activity: Activity = { ...fixture('invoke_composeExtension_fetchTask_message_action_reply_thread.json'), channelId: 'msteams', serviceUrl: h.connector.url };
    activity.value.commandId = 'checkMessage';
    const response = await h.post(activity);
    const expected: InboundMessage = { platform: 'teams', user: OLO, conversation: CHANNEL, text: 'Testing outgoing Webhook-Nikitha - Hi', private: true, mode: 'review' };
    expect(seen).toEqual([expected]);
    expect(response).toEqual({ status: 200, body: dialog(dialogCard(await testCore().handle(expected))) });
    expect(h.connector.calls).toEqual([]);
  });

  test('a message with rich text keeps its words and line breaks', async () => {
    const activity: Activity = { ...fixture('invoke_composeExtension_fetchTask_message_action_reply_thread.json'), channelId: 'msteams', serviceUrl: h.connector.url };
    activity.value.messagePayload.body.content = '<p>Big <strong>news</strong> &amp; more:</p><ul><li>we&#39;re hiring</li><li>Q3 numbers&nbsp;soon</li></ul>';
    await h.post(activity);
    expect(seen[0]!.text).toBe("Big news & more:\n• we're hiring\n• Q3 numbers soon");
  });
});

describe('the draft form from a chat card (task/fetch, task/submit)', () => {
  test('the "Open the draft form" button fetches the form; its submit returns the review', async () => {
    const button = personalSubmit(h.connector.url, { msteams: { type: 'task/fetch' }, sc: 'open-review', v: '' });
    const fetch = { ...button, type: 'invoke', name: 'task/fetch', value: { data: button.value, context: { theme: 'default' } } };
    expect(await h.post(fetch)).toEqual({ status: 200, body: dialog(draftFormCard()) });

    const submit = { ...fetch, name: 'task/submit', value: { data: { sc: 'draft-form', v: '', draft: 'Proud of my team for our public launch today! 🎉', socialPlatform: 'any' } } };
    const response = await h.post(submit);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ mode: 'review', private: true, text: 'Proud of my team for our public launch today! 🎉', conversation: { kind: 'direct' } });
    expect(seen[0]!.socialPlatform).toBeUndefined();
    expect(response).toEqual({ status: 200, body: dialog(dialogCard(await testCore().handle(seen[0]!))) });
    expect(h.connector.calls).toEqual([]);
  });
});
