/**
 * The manager commands, through the real core (`core.handle`), the real desk,
 * storage and scheduler; only the platform posters are recording doubles.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempSqlite, type TestDatabase } from '../storage/databases.ts';
import { slackMessage, startTestApp, teamsMessage, TestClock, type TestApp } from '../server/app-fixtures.ts';

const GENERAL = '<#C0GENERAL1|general>';

describe('the manager desk', () => {
  let db: TestDatabase;
  let app: TestApp;
  let clock: TestClock;

  beforeEach(async () => {
    db = tempSqlite();
    clock = new TestClock(new Date('2026-11-24T10:00:00Z'));
    app = await startTestApp(db, { clock: clock.now });
  });

  afterEach(async () => {
    await app.close();
    await db.cleanup();
  });

  describe('who may nudge', () => {
    it('refuses people who are not managers, politely, and says how to become one', async () => {
      for (const text of ['nudge #general next', 'nudge list', 'stats', 'nudge help']) {
        const reply = await app.core.handle(slackMessage(text, { user: { id: 'UEMPLOYEE' } }));
        expect(reply.kind).toBe('error');
        expect(reply.text).toBe(
          "Sorry, only managers can send nudges or see team statistics. Workspace admins and owners can, and so can people listed in the bot's MANAGER_IDS setting (yours would be slack:UEMPLOYEE). Ask whoever runs social-check if you need it. Everything else, like checking your own drafts, works for everyone.",
        );
      }
      const teams = await app.core.handle(teamsMessage('nudge here next', { user: { id: '29:someone' } }));
      expect(teams.text).toContain("People listed in the bot's MANAGER_IDS setting can (yours would be teams:29:someone).");
      expect(app.slackPoster.posts).toEqual([]);
    });

    it('lets Slack workspace admins and owners nudge without being listed', async () => {
      const reply = await app.core.handle(slackMessage(`nudge ${GENERAL} next`, { user: { id: 'UADMIN', isAdmin: true } }));
      expect(reply.text).toBe('Sent the tip "Pick a boundary strategy on purpose" to #general.');
    });

    it('does not take a Teams user for an admin, and does not mix platforms up', async () => {
      const reply = await app.core.handle(teamsMessage('nudge list', { user: { id: 'UMANAGER', isAdmin: true } }));
      expect(reply.kind).toBe('error');
    });
  });

  describe('sending now', () => {
    it('sends a tip by id, with a button that opens its topic', async () => {
      const reply = await app.core.handle(slackMessage(`nudge ${GENERAL} vent-offline`));
      expect(reply).toMatchObject({ kind: 'manager', text: 'Sent the tip "Bad day? Vent to a friend, not a feed" to #general.' });
      expect(app.slackPoster.posts).toHaveLength(1);
      const [post] = app.slackPoster.posts;
      expect(post!.channel).toEqual({ platform: 'slack', channelId: 'C0GENERAL1', teamId: 'T1' });
      expect(post!.reply.kind).toBe('nudge');
      expect(post!.reply.meta).toEqual({ topic: 'authenticity' });
      expect(post!.reply.parts).toEqual([
        { type: 'heading', text: 'Bad day? Vent to a friend, not a feed' },
        { type: 'paragraph', text: expect.stringContaining('A frustrated post about a boss') },
        { type: 'choices', choices: [{ label: 'Ask social-check more', action: { id: 'topic', value: 'authenticity' } }] },
      ]);
      // The audit trail records who sent what, where, and the result.
      const [row] = await app.storage.deliveries.recent({ platform: 'slack' });
      expect(row).toMatchObject({ requestedBy: 'UMANAGER', nudgeId: 'vent-offline', status: 'sent', messageId: 'm1', channel: { channelId: 'C0GENERAL1' } });
    });

    it('sends a tip about a topic, and "next" moves through the library per channel', async () => {
      expect((await app.core.handle(slackMessage(`nudge ${GENERAL} confidential-info`))).text).toBe('Sent the tip "Not public yet? Not on social media" to #general.');
      const library = app.core.content.nudges;
      const after = library[library.findIndex((tip) => tip.id === 'confidential-pause') + 1]!;
      expect((await app.core.handle(slackMessage(`nudge ${GENERAL}`))).text).toBe(`Sent the tip "${after.title}" to #general.`);
      // Another channel starts at the beginning.
      expect((await app.core.handle(slackMessage('nudge <#C0OTHER999> next'))).text).toBe(`Sent the tip "${library[0]!.title}" to channel C0OTHER999.`);
    });

    it("sends a manager's own words after checking them", async () => {
      const reply = await app.core.handle(slackMessage(`nudge ${GENERAL} Reminder: drafts can be checked in private with social-check before you post.`));
      expect(reply.text).toBe('Sent your message to #general.');
      expect(app.slackPoster.posts[0]!.reply.parts[0]).toEqual({ type: 'paragraph', text: 'Reminder: drafts can be checked in private with social-check before you post.' });
    });

    it("refuses a manager's own words when they are risky, with the reasons, and posts nothing", async () => {
      const reply = await app.core.handle(slackMessage(`nudge ${GENERAL} Between us: layoffs of 200 people are announced Friday, and honestly the CFO is a fucking idiot.`));
      expect(reply.kind).toBe('error');
      expect(reply.parts[0]).toEqual({ type: 'paragraph', text: 'I did not send it: I would advise anyone against posting this, so I will not post it to a channel either.' });
      expect(reply.parts[1]).toMatchObject({ type: 'bullets' });
      expect((reply.parts[1] as { items: string[] }).items.some((item) => item.includes('fucking'))).toBe(true);
      expect(app.slackPoster.posts).toEqual([]);
    });

    it('explains a channel it cannot post to', async () => {
      app.slackPoster.remove('C0GENERAL1');
      const reply = await app.core.handle(slackMessage(`nudge ${GENERAL} next`));
      expect(reply.text).toBe('I cannot post in #general: I am probably not a member. Invite me with /invite @social-check in that channel, then try again.');
    });

    it('answers bad input with what to do', async () => {
      const cases: Array<[string, string]> = [
        ['nudge #general next', 'I could not tell which channel "#general" is. Type # and pick the channel from Slack\'s list so it becomes a link, or say "here" in the channel itself.'],
        [`nudge ${GENERAL} no-such-tip`, 'I do not know a tip or topic called "no-such-tip". "nudge help" lists the tips. To send your own words, write a sentence or put them in quotes.'],
        ['nudge here next', '"here" is our private chat. Name a channel instead, e.g. nudge #general next.'],
        [`nudge schedule ${GENERAL} weekly mon 25:00 UTC`, '"25:00" is not a time of day. Write it as HH:MM on a 24-hour clock, e.g. 09:00 or 17:30.'],
        ['nudge cancel 99', 'There is no schedule #99 to cancel. "nudge list" shows the current ones.'],
        ['nudge frobnicate', 'I could not tell which channel "frobnicate" is. Type # and pick the channel from Slack\'s list so it becomes a link, or say "here" in the channel itself.'],
      ];
      for (const [text, expected] of cases) {
        const reply = await app.core.handle(slackMessage(text));
        expect(reply.kind, text).toBe('error');
        expect(reply.text, text).toBe(expected);
      }
    });

    it('lists the commands and the tips on "nudge help"', async () => {
      const reply = await app.core.handle(slackMessage('nudge help'));
      expect(reply.kind).toBe('manager');
      expect(reply.text).toContain('nudge schedule #channel weekly mon,wed 09:00 Europe/Paris next');
      expect(reply.text).toContain('vent-offline');
    });
  });

  describe('Teams channels', () => {
    beforeEach(async () => {
      for (const [id, name, team] of [
        ['19:general@thread.tacv2', 'General', '19:team'],
        ['19:random@thread.tacv2', 'Random', '19:team'],
        ['19:general-other@thread.tacv2', 'General', '19:other-team'],
      ] as const) {
        await app.storage.refs.saveConversationRef({ platform: 'teams', conversationId: id, teamId: team, name, kind: 'channel', reference: { conversation: { id } }, updatedAt: clock.now() });
      }
    });

    it('resolves #name through stored conversation references, preferring the manager\'s team', async () => {
      const reply = await app.core.handle(teamsMessage('nudge #general next'));
      expect(reply.text).toBe('Sent the tip "Pick a boundary strategy on purpose" to #General.');
      expect(app.teamsPoster.posts[0]!.channel).toEqual({ platform: 'teams', channelId: '19:general@thread.tacv2', teamId: '19:team' });
    });

    it('sends "here" to the channel the manager is in', async () => {
      const reply = await app.core.handle(teamsMessage('nudge here hiring-screens', { conversation: { id: '19:random@thread.tacv2', kind: 'channel', teamId: '19:team' }, private: false }));
      expect(reply.text).toBe('Sent the tip "Recruiters look" to this conversation.');
      expect(app.teamsPoster.posts[0]!.channel.channelId).toBe('19:random@thread.tacv2');
    });

    it('says which channels it knows when a name is unknown', async () => {
      const reply = await app.core.handle(teamsMessage('nudge #marketing next'));
      expect(reply.text).toBe('I do not know a channel called #marketing. I can post only where I have been added; I know: #General, #Random. Add me to the team, or say "nudge here ..." in the channel.');
    });
  });

  describe('schedules', () => {
    it('schedules, lists and cancels', async () => {
      const weekly = await app.core.handle(slackMessage(`nudge schedule ${GENERAL} weekly mon,wed 09:00 Europe/Paris next`));
      expect(weekly.text).toBe(
        'Scheduled #1: the next tip in rotation to #general, every Mon, Wed at 09:00 (Europe/Paris). First one: Wed 25 Nov 2026 09:00 CET.\n\n"nudge list" shows your schedules; "nudge cancel 1" stops this one.',
      );
      const cron = await app.core.handle(slackMessage(`nudge schedule ${GENERAL} cron "30 8 * * 5" America/New_York "Happy Friday: check drafts in private before posting."`));
      expect(cron.text).toContain('Scheduled #2: your message to #general, cron "30 8 * * 5" (America/New_York). First one: Fri 27 Nov 2026 08:30 GMT-5.');

      const list = await app.core.handle(slackMessage('nudge list'));
      expect(list.parts).toEqual([
        { type: 'heading', text: 'Scheduled nudges' },
        {
          type: 'bullets',
          items: [
            '#1 #general, every Mon, Wed at 09:00 (Europe/Paris): next tip in rotation. next: Wed 25 Nov 2026 09:00 CET',
            '#2 #general, cron "30 8 * * 5" (America/New_York): your message "Happy Friday: check drafts in private before posting.". next: Fri 27 Nov 2026 08:30 GMT-5',
          ],
        },
      ]);
      // Teams managers see Teams schedules only.
      expect((await app.core.handle(teamsMessage('nudge list'))).text).toContain('No nudges are scheduled.');

      expect((await app.core.handle(slackMessage('nudge cancel 1'))).text).toBe('Cancelled #1 (every Mon, Wed at 09:00 (Europe/Paris)). Nothing more will go out for it.');
      expect((await app.core.handle(slackMessage('nudge cancel 1'))).text).toBe('There is no schedule #1 to cancel. "nudge list" shows the current ones.');
      const after = await app.core.handle(slackMessage('nudge list'));
      expect((after.parts[1] as { items: string[] }).items).toHaveLength(1);

      // A cancelled schedule sends nothing; the other one goes out on Friday.
      clock.set('2026-11-27T14:00:00Z');
      await app.scheduler.tick(clock.now());
      expect(app.slackPoster.posts.map((post) => post.reply.parts[0])).toEqual([{ type: 'paragraph', text: 'Happy Friday: check drafts in private before posting.' }]);
      const cancelled = await app.storage.schedules.get(1);
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelledBy: 'UMANAGER' });
    });

    it('refuses a schedule of risky own words', async () => {
      const reply = await app.core.handle(slackMessage(`nudge schedule ${GENERAL} daily 09:00 UTC "Between us: layoffs are coming, and the CFO is a fucking idiot."`));
      expect(reply.kind).toBe('error');
      expect(reply.text).toContain('I did not send it');
      expect(await app.storage.schedules.listVisible('slack')).toEqual([]);
    });

    it('sends words that only call for care, and says what it noticed', async () => {
      // "caution" (fine for a personal circle) is not refused: policy reminders often name the very risks.
      const reply = await app.core.handle(slackMessage(`nudge ${GENERAL} Who else is hungover? Drinks again tonight, get wasted with me!`));
      expect(reply.kind).toBe('manager');
      expect(reply.parts[0]).toEqual({ type: 'paragraph', text: 'Sent your message to #general.' });
      expect(reply.parts[1]).toMatchObject({ type: 'note', text: expect.stringMatching(/^Heads-up: I flagged some words, but nothing that stops it: "[^"]+": /) });
      expect(app.slackPoster.posts).toHaveLength(1);
    });
  });

  describe('stats', () => {
    it('sums anonymous weekly counts, and hides categories for tiny numbers', async () => {
      const early = await app.core.handle(slackMessage('stats'));
      expect(early.text).toContain('No drafts were checked in this period yet.');

      const at = clock.now();
      await app.storage.prefs.recordReview({ platform: 'slack', categories: ['nightlife'], verdict: 'caution', audience: 'personal', at });
      await app.storage.prefs.recordReview({ platform: 'teams', categories: [], verdict: 'ok', audience: 'everyone', at });
      const few = await app.core.handle(slackMessage('stats'));
      expect(few.parts[1]).toEqual({ type: 'paragraph', text: '2 drafts checked.' });
      expect(few.text).toContain('Verdicts and categories are shown once at least 5 drafts were checked, so nobody can be singled out.');
      for (const detail of ['nightlife', 'fine for everyone', 'personal circle', 'not posted']) expect(few.text).not.toContain(detail);

      const lastWeek = new Date(at.getTime() - 7 * 86_400_000);
      await app.storage.prefs.recordReview({ platform: 'slack', categories: ['nightlife', 'profanity'], verdict: 'risky', audience: 'nobody', at: lastWeek });
      await app.storage.prefs.recordReview({ platform: 'slack', categories: ['confidential'], verdict: 'risky', audience: 'nobody', at: lastWeek });
      await app.storage.prefs.recordReview({ platform: 'slack', categories: ['nightlife'], verdict: 'caution', audience: 'personal', at: lastWeek });
      // Older than four weeks: not counted.
      await app.storage.prefs.recordReview({ platform: 'slack', categories: ['offensive'], verdict: 'risky', audience: 'nobody', at: new Date(at.getTime() - 40 * 86_400_000) });
      await app.storage.prefs.recordFalsePositive({ platform: 'slack', category: 'nightlife', ruleId: 'nightlife/shots', at });

      const reply = await app.core.handle(slackMessage('stats'));
      expect(reply.kind).toBe('manager');
      expect(reply.parts).toEqual([
        { type: 'heading', text: 'Draft reviews, last 4 weeks' },
        { type: 'paragraph', text: '5 drafts checked: 1 fine for everyone (20%), 2 better kept to a personal circle (40%), 2 better not posted (40%).' },
        { type: 'bullets', items: ['Week of 2026-11-23: 2 reviews', 'Week of 2026-11-16: 3 reviews'] },
        { type: 'paragraph', text: 'What came up most:' },
        { type: 'bullets', items: ['nightlife: 3 drafts', 'confidential: 1 draft', 'profanity: 1 draft'] },
        { type: 'paragraph', text: 'People reported 1 flag as wrong; most often: nightlife/shots (1).' },
        { type: 'note', text: 'Counts only: social-check never keeps drafts or who wrote them.' },
      ]);
    });
  });
});
