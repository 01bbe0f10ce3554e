import { describe, expect, test } from 'vitest';
import { neutralizeMentions } from '../../adapters/teams/card-text.ts';
import { htmlToText } from '../../adapters/teams/html-to-text.ts';
import { cleanMessageText } from '../../adapters/teams/parse-activity.ts';

describe('htmlToText (a message action gets the message as HTML)', () => {
  test.each([
    ['the docs example: a mention keeps its name, tags go', '<div><div><at id="0">Testing outgoing Webhook-Nikitha</at> - Hi</div>\n</div>', 'Testing outgoing Webhook-Nikitha - Hi'],
    ['paragraphs and breaks become lines', '<p>one</p><p>two<br>three</p>', 'one\ntwo\nthree'],
    ['list items become bullets', '<ul><li>a</li><li>b</li></ul>', '• a\n• b'],
    ['character references are decoded', 'R&amp;D &lt;3 &quot;ok&quot; &#39;x&#39; &#x1F37A; a&nbsp;b', 'R&D <3 "ok" \'x\' 🍺 a b'],
    ['an unknown reference stays as written', '&bogus; &#0;', '&bogus; &#0;'],
    ['emoji elements keep their emoji', 'Wasted <emoji id="beer" alt="🍺" title="Beer"></emoji> again', 'Wasted 🍺 again'],
    ['Skype emoji images keep their emoji', 'lol <img alt="😂" itemtype="http://schema.skype.com/Emoji" src="x">', 'lol 😂'],
    ['other images are dropped', 'see <img alt="chart" src="https://x/y.png"> here', 'see here'],
    ['scripts and styles are dropped with their content', '<style>p{}</style>hi<script>alert(1)</script>', 'hi'],
    ['runs of blank lines shrink to one', '<p>a</p><p></p><p></p><p>b</p>', 'a\n\nb'],
  ])('%s', (_why, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

describe('htmlToText and mentions on hostile input', () => {
  test('an unclosed script keeps the text after it; a tag never closed is text', () => {
    expect(htmlToText('a<script>b')).toBe('ab');
    expect(htmlToText('<p>x</p>y < z')).toBe('x\ny < z');
  });

  test('mentions: a pair keeps the name, stray tags go, other tags stay', () => {
    expect(neutralizeMentions('<at id="1">Ann</at> and <at>Bo</at>!')).toBe('@Ann and @Bo!');
    expect(neutralizeMentions('x <at>y </atom> z')).toBe('x y </atom> z');
    expect(neutralizeMentions('</at>a<at>b<at>c</at>d')).toBe('a@bcd');
    expect(cleanMessageText('<at>Social Check</at>&nbsp;hi &amp; bye')).toBe('Social Check hi & bye');
  });

  // Safety bounds: one pass over the text, however it is built (a regex that
  // rescans from every unclosed tag took 10-20 s on 200 KB of these).
  test.each(['<script', '<img ', '<emoji ', '<at x', '<at>', '<'])('1 MB of %j is read in well under three seconds (it takes milliseconds)', (unit) => {
    const hostile = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const started = performance.now();
    htmlToText(hostile);
    neutralizeMentions(hostile);
    cleanMessageText(hostile);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
