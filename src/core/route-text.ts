/**
 * Decides whether free text is a question for the knowledge base or a draft to
 * review. Pure heuristics over surface cues; when the cues disagree the caller
 * offers both readings instead of guessing.
 */
export type TextRoute = 'question' | 'draft' | 'unsure';

const QUESTION_START =
  /^(how|what|whats|what's|which|who|whom|whose|why|when|where|should|shall|can|could|would|will|is|are|am|do|does|did|may|might|must|any|tips?|advice|help|explain|tell me|define|meaning)\b/i;
const QUESTION_PHRASE =
  /\b(should i|can i|could i|do i|is it (ok|okay|fine|bad|wise|rude|weird)|am i allowed|allowed to|what (do|should|if|about|happens)|how (do|can|should|to)|any (tips|advice)|what's the best|is there a way|best way to|what are|what is)\b/i;
const DRAFT_PREFIX = /^\s*(please\s+)?(review|check|check this|check my post|draft|post|is this ok(ay)?( to post)?|can i post this|ok to post)\s*[:\-–—]\s*/i;
const EMOJI = /\p{Extended_Pictographic}/u;

export interface RoutedText {
  route: TextRoute;
  /** The text to act on: a "review:" prefix is removed. */
  text: string;
}

export function routeText(input: string): RoutedText {
  const prefixed = DRAFT_PREFIX.exec(input);
  if (prefixed && input.length > prefixed[0].length) return { route: 'draft', text: input.slice(prefixed[0].length) };
  const text = input.trim();
  const words = text.split(/\s+/).filter(Boolean);
  let question = 0;
  let draft = 0;
  if (/\?\s*$/.test(text)) question += 2;
  if (QUESTION_START.test(text)) question += 2;
  if (QUESTION_PHRASE.test(text)) question += 2;
  if (words.length <= 6) {
    question += 1;
    // A few words with no statement verb read like a search: "boss friend request".
    if (!/\b(is|are|was|were|am|i'm|im|love|hate|feel|got|had|just|will|gonna)\b/i.test(text)) question += 1;
  }
  if (/(^|\s)#\w/.test(text)) draft += 2;
  if (/(^|\s)@\w/.test(text)) draft += 1;
  if (EMOJI.test(text)) draft += 2;
  if (/!/.test(text)) draft += 1;
  if (/https?:\/\//.test(text)) draft += 1;
  if (/\n/.test(text)) draft += 1;
  if (words.length > 40) draft += 2;
  else if (words.length > 18) draft += 1;
  if (/^(just|so|finally|today|tonight|excited|proud|thrilled|happy|can't wait|cannot wait|omg|lol|ugh|new job|big news)\b/i.test(text)) draft += 2;
  if (/\b(i'm|i am|we're|we are|i've|we've|i was|we)\b/i.test(text) && !/\?/.test(text)) draft += 1;
  const sentences = text.split(/[.!?]+\s/).filter((sentence) => sentence.trim().length > 0).length;
  if (sentences >= 3) draft += 1;
  if (question >= draft + 2) return { route: 'question', text };
  if (draft >= question + 2) return { route: 'draft', text };
  return { route: 'unsure', text };
}
