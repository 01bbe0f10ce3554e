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

/** Teams writes emoji as `<emoji alt="🍺">` or an `<img … alt="🍺">` of the Skype emoji type: keep the emoji (it matters to a review). */
const EMOJI_TAG = /<(?:emoji\b[^>]*|img\b(?=[^>]*schema\.skype\.com\/Emoji)[^>]*)\balt="([^"]*)"[^>]*>(?:<\/emoji\s*>)?/gi;

export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(EMOJI_TAG, (_match, alt: string) => alt)
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|tr)\s*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '• ')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
