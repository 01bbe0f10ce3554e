import { describe, expect, test } from 'vitest';
import { htmlToText } from '../../adapters/teams/html-to-text.ts';

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
