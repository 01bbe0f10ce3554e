/**
 * Teams gives a message action the message as HTML (`messagePayload.body.content`).
 * The review needs the words as the person sees them: tags dropped, block ends as
 * line breaks, mentions as their names, character references decoded.
 */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return match;
      return code === 0xa0 ? ' ' : String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? match;
  });
}

/** Block ends that become line breaks. */
const BLOCK_END = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr']);
/** Elements dropped with their content. */
const DROPPED = new Set(['script', 'style']);

/**
 * What one tag (the text between `<` and `>`) becomes: Teams writes emoji as
 * `<emoji alt="🍺">` or an `<img … alt="🍺">` of the Skype emoji type (the
 * emoji is kept: it matters to a review), a break or a block end is a line
 * break, a list item a bullet, anything else nothing.
 */
function tagText(tag: string): string {
  const match = /^(\/?)\s*([a-z][a-z0-9]*)/i.exec(tag);
  if (!match) return '';
  const closing = match[1] === '/';
  const name = match[2]!.toLowerCase();
  if (!closing && (name === 'emoji' || (name === 'img' && /schema\.skype\.com\/Emoji/i.test(tag)))) {
    return /\balt="([^"]*)"/i.exec(tag)?.[1] ?? '';
  }
  if (name === 'br') return '\n';
  if (closing) return BLOCK_END.has(name) ? '\n' : '';
  return name === 'li' ? '• ' : '';
}

/**
 * The words of an HTML message, in one pass over it: regular expressions over
 * the whole text (`<script[\s\S]*?</script>`, `<[^>]*>`) rescan the rest from
 * every unclosed `<`, which is quadratic and lets a long message of `<img `
 * block the server for seconds.
 */
export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  /** Where each dropped element's closing tag is, from the last search (-1: none left). */
  const closers = new Map<string, number>();
  let text = '';
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt < 0) break;
    const gt = html.indexOf('>', lt + 1);
    // No `>` left: the rest is text (no tag can end in it).
    if (gt < 0) break;
    text += html.slice(at, lt);
    const tag = html.slice(lt + 1, gt);
    at = gt + 1;
    const name = /^([a-z]+)/i.exec(tag)?.[1]?.toLowerCase();
    if (name && DROPPED.has(name)) {
      let close = closers.get(name);
      if (close === undefined || (close >= 0 && close < at)) close = lower.indexOf(`</${name}`, at);
      closers.set(name, close);
      const end = close < 0 ? -1 : html.indexOf('>', close);
      if (end >= 0) {
        at = end + 1;
        continue;
      }
    }
    text += tagText(tag);
  }
  text += html.slice(at);
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
