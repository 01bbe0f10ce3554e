import { describe, expect, it } from 'vitest';
import { fromSlackText, isManagerCommand } from '../../adapters/slack/parse-text.ts';
import { conversationKind } from '../../adapters/slack/inbound.ts';
import { TtlCache } from '../../adapters/slack/ttl-cache.ts';

describe('fromSlackText: Slack markup back to what the person sees', () => {
  it.each([
    // [why, what Slack sends, what the core gets]
    ['entities are unescaped, once', 'Q&amp;A &lt;3 &amp;lt;', 'Q&A <3 &lt;'],
    ['a user mention with a name (should_escape) reads as @name', 'thanks <@U0456|maria>!', 'thanks @maria!'],
    ['a bare user mention keeps the id', 'ping <@U0456>', 'ping @U0456'],
    ['special mentions become plain words', '<!channel> <!here> <!everyone>', '@channel @here @everyone'],
    ['a user group reads as its handle', 'hey <!subteam^S0123|@design>', 'hey @design'],
    ['a date shows its fallback text', 'due <!date^1392734382^{date_short}|Feb 18, 2014>', 'due Feb 18, 2014'],
    ['a channel reads as #name', 'see <#C0123|general>', 'see #general'],
    ['a link with its own text keeps both (the URL may be what leaks)', '<https://intranet.example/roadmap|our roadmap>', 'our roadmap (https://intranet.example/roadmap)'],
    ['a link shown as itself is just the URL', '<https://example.com>', 'https://example.com'],
    ['a link whose label is the bare host stays as typed', '<http://example.com|example.com>', 'example.com'],
    ['an email address is kept: personal-data review needs it', 'mail <mailto:ana@example.com|ana@example.com>', 'mail ana@example.com'],
    ['a phone number is kept', 'call <tel:+15551234|+1 555 1234>', 'call +1 555 1234'],
    ['markup inside entities stays text', '&lt;@U1&gt; is not a mention', '<@U1> is not a mention'],
  ])('%s', (_why, input, expected) => {
    expect(fromSlackText(input)).toBe(expected);
  });

  it('keeps channel references for manager commands, converting the rest', () => {
    expect(fromSlackText('nudge <#C0123|general> hi <@U1|bo> &amp; all', { keepChannelRefs: true })).toBe('nudge <#C0123|general> hi @bo & all');
  });

  it("drops the bot's own mention", () => {
    expect(fromSlackText('<@UBOT> what is confidential? cc <@U2|al>', { dropMentionOf: 'UBOT' })).toBe('what is confidential? cc @al');
  });

  it('recognises manager commands', () => {
    expect(isManagerCommand('nudge #general next')).toBe(true);
    expect(isManagerCommand('  Stats')).toBe(true);
    expect(isManagerCommand('nudges are annoying at work, right?')).toBe(false);
    expect(isManagerCommand('statistics about my posts')).toBe(false);
  });
});

describe('conversationKind', () => {
  it.each([
    ['D0123', 'im', undefined, 'direct'],
    ['C0123', 'channel', undefined, 'channel'],
    ['G0123', 'mpim', undefined, 'group'],
    ['C0123', undefined, 'directmessage', 'direct'],
    ['G0123', undefined, 'mpdm-ana--bo-1', 'group'],
    ['C0123', undefined, 'privategroup', 'channel'],
    ['D0999', undefined, undefined, 'direct'],
  ] as const)('%s / %s / %s is %s', (id, type, name, kind) => {
    expect(conversationKind(id, type, name)).toBe(kind);
  });
});

describe('TtlCache', () => {
  it('forgets entries after the TTL and never holds more than its bound', () => {
    let now = 0;
    const cache = new TtlCache<boolean>(1000, 3, () => now);
    expect(cache.add('a')).toBe(true);
    expect(cache.add('a')).toBe(false);
    now = 999;
    expect(cache.add('a')).toBe(false);
    now = 1000;
    expect(cache.add('a')).toBe(true);
    for (const key of ['b', 'c', 'd', 'e']) cache.add(key);
    expect(cache.size).toBe(3);
    expect(cache.get('e')).toBe(true);
  });
});
