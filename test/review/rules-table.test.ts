/**
 * Rule tests in the manner of ESLint's RuleTester: `valid` drafts must raise no
 * flag at all, `invalid` drafts must raise exactly the flags listed, with the
 * exact words and message. Each case says why it is there. The rules are tested
 * alone, without the learned model (test/review/model.test.ts tests that, and
 * test/review/quality.test.ts the two together).
 */
import { describe, expect, it } from 'vitest';
import type { ReviewOptions } from '../../src/review/review-draft.ts';
import { pick, POLICY, review as reviewWithModel, rulesAlone, type ExpectedFlag } from './helpers.ts';

const review = (text: string, options: Partial<ReviewOptions> = {}) => reviewWithModel(text, { rules: rulesAlone(), ...options });

interface ValidCase {
  text: string;
  why: string;
  policy?: boolean;
}
interface InvalidCase extends ValidCase {
  flags: ExpectedFlag[];
}

const valid: ValidCase[] = [
  { text: 'Killing it at the gym this morning, new deadlift record!', why: '"killing it" is praise, not violence or nightlife' },
  { text: 'The assessment centre for our graduate scheme opens next week.', why: '"ass" inside "assessment" is not a word' },
  { text: 'Scunthorpe United won 2-0 on Saturday.', why: 'the Scunthorpe problem: a place name containing a swear word' },
  { text: 'Our published quarterly results are out: revenue up 12%.', why: 'published results are public, not confidential' },
  { text: "Proud of my team's public launch of the new app today.", why: 'a public launch is not confidential' },
  { text: 'Grateful for my manager, who backed me through a hard quarter.', why: 'gratitude about a boss is not criticism' },
  { text: 'Shot of espresso and new product shots for my portfolio.', why: '"shots" of coffee and photos are not drinking' },
  { text: 'Our joint venture with the university starts in May.', why: '"joint" in business is not drugs' },
  { text: 'We finally broke up the monolith into three services.', why: 'breaking up software is not a relationship' },
  { text: "We're hiring! Interviews for two backend roles start next week.", why: 'hiring for your own team is not a job search' },
  { text: "Delighted to announce I've joined Contoso as head of research.", why: 'an announced move is not a secret job search' },
  { text: 'Raised £600 for a cancer research charity, thank you all!', why: 'fundraising is not a private health detail' },
  { text: 'The bar exam results are out, congratulations to everyone who sat it.', why: 'the bar exam is not a bar' },
  { text: 'Please vote for our team in the community awards!', why: 'voting in an award is not politics' },
  { text: 'Just landed in Berlin for the product summit, come find me at booth 14.', why: 'a public conference location is not a private whereabouts risk' },
  { text: 'Version 10.2.3 is out, with 2024-2025 support dates.', why: 'version numbers and years are not phone numbers' },
  { text: 'Order 1234 5678 9012 3456 shipped today.', why: 'sixteen digits that fail the Luhn check are not a card' },
  { text: 'Our code review checklist has 12 steps.', why: 'a code review is not a door code' },
  { text: 'Thank god it is Friday, see you all Monday.', why: 'an everyday exclamation is not a religious opinion' },
  { text: 'Read the official statement from our comms team here.', why: 'pointing to the official statement is not speaking for the company' },
  { text: "We're sorry for the noise last night, neighbours, the party ran late.", why: 'a personal apology is not employer voice' },
  { text: 'The kids loved the circus clowns at the party.', why: 'literal clowns are not an insult' },
  { text: 'I felt like an idiot when I forgot my badge.', why: 'self-deprecation is not an insult aimed at someone' },
  { text: 'Our client Globex sent the team cupcakes, lovely people.', why: 'a client named with praise is not criticism', policy: true },
  { text: 'Falcons nest on the roof of our office every spring.', why: 'a lower-case common word is not the codename', policy: true },
  { text: 'Day 30 since I quit smoking!', why: 'quitting smoking is not quitting a job' },
  { text: 'Our mental health awareness week starts Monday, resources on the intranet.', why: 'advocacy is not a personal health detail' },
  { text: 'Hello from the Hell\'s Kitchen food tour!', why: 'a place name is not swearing' },
  { text: 'The same principle applied to our pricing page.', why: '"applied to" a page is not a job application' },
  { text: 'Our dog had surgery on his paw yesterday.', why: "a pet's health is not the writer's private life" },
  { text: 'The new hospital wing opens next month.', why: 'a sentence about an institution is not about the writer' },
  { text: 'Our team shipped the new app today. Fantastic!', why: 'a one-word cheer after good news is not sarcasm' },
  { text: "My manager taught me to ask 'what would have to be true?' before every decision.", why: 'quoting a manager with gratitude is not mocking' },
  { text: 'Drunk on coffee and ready for the demo.', why: 'a coffee joke is not drinking' },
];

const invalid: InvalidCase[] = [
  {
    text: 'Our Q3 revenue before the earnings call is looking great.',
    why: 'the example from the issue: financials before release',
    flags: [{ category: 'confidential', ruleId: 'business-before-release', words: 'revenue before the earnings call', message: '"revenue before the earnings call" may reveal business news your employer has not announced.' }],
  },
  {
    text: 'this week has been such a sh1tshow',
    why: 'leetspeak for a swear word',
    flags: [{ category: 'profanity', ruleId: 'strong-swearing', words: 'sh1tshow', message: '"sh1tshow" may read as strong swearing to a professional audience.' }],
  },
  {
    text: 'f*ck this traffic',
    why: 'a starred swear word',
    flags: [{ category: 'profanity', ruleId: 'strong-swearing', words: 'f*ck', message: '"f*ck" may read as strong swearing to a professional audience.' }],
  },
  {
    text: 'what an a s s he was',
    why: 'spaced letters',
    flags: [{ category: 'profanity', ruleId: 'strong-swearing', words: 'a s s', message: '"a s s" may read as strong swearing to a professional audience.' }],
  },
  {
    text: 'My boss is completely useless.',
    why: 'a target (boss) with negative words about it',
    flags: [{ category: 'workplace-criticism', ruleId: 'complaint-about-work', words: 'boss is completely useless', message: '"boss is completely useless" may read as bad-mouthing your workplace.' }],
  },
  {
    text: 'Working with Globex is a nightmare.',
    why: 'a client from the organization profile next to a complaint',
    policy: true,
    flags: [{ category: 'workplace-criticism', ruleId: 'complaint-about-named-company', words: 'Globex is a nightmare', message: '"Globex is a nightmare" may read as bad-mouthing your employer or a client by name.' }],
  },
  {
    text: 'Falcon ships to beta customers next month.',
    why: 'a codename from the organization profile is confidential',
    policy: true,
    flags: [{ category: 'confidential', ruleId: 'codename', words: 'Falcon', message: '"Falcon" may be an internal project name that is not public.' }],
  },
  {
    text: 'We at Example Corp are sorry for the delay.',
    why: 'a statement in the company\'s name',
    policy: true,
    flags: [{ category: 'employer-voice', ruleId: 'in-company-name', words: 'We at Example Corp', message: '"We at Example Corp" may read as an official statement on behalf of your employer.' }],
  },
  {
    text: 'On behalf of Example, we will refund every order.',
    why: 'an alias of the company and a promise',
    policy: true,
    flags: [{ category: 'employer-voice', ruleId: 'in-company-name', words: 'On behalf of Example, we will refund', message: '"On behalf of Example, we will refund" may read as an official statement on behalf of your employer.' }],
  },
  {
    text: 'so hungover today',
    why: 'drinking the night before',
    flags: [{ category: 'nightlife', ruleId: 'drunk', words: 'hungover', message: '"hungover" may read as heavy drinking or partying to a professional audience.' }],
  },
  {
    text: 'I smoked weed before the team call',
    why: 'drug use, and it is nobody-audience',
    flags: [{ category: 'nightlife', ruleId: 'drugs', words: 'smoked weed', message: '"smoked weed" may read as drug use.' }],
  },
  {
    text: 'My mum was diagnosed with dementia last month.',
    why: 'a family health detail',
    flags: [
      { category: 'private-life', ruleId: 'health', words: 'diagnosed', message: '"diagnosed" may share a private detail that colleagues and employers could see.' },
      { category: 'private-life', ruleId: 'health', words: 'dementia', message: '"dementia" may share a private detail that colleagues and employers could see.' },
    ],
  },
  {
    text: 'Thinking about quitting, the commute is too much.',
    why: 'planning to quit, not announced',
    flags: [{ category: 'job-search', ruleId: 'planning-to-quit', words: 'Thinking about quitting', message: '"Thinking about quitting" may tell your employer you are looking to leave before you are ready to say so.' }],
  },
  {
    text: 'Abortion should be banned everywhere.',
    why: 'a hot-button issue',
    flags: [{ category: 'controversial', ruleId: 'hot-button-issues', words: 'Abortion', message: '"Abortion" may read as a partisan or hot-button opinion that can divide a professional audience.' }],
  },
  {
    text: 'The house is empty till Sunday, kids at their grandparents.',
    why: 'an empty home',
    // The empty home and its end date ("till Sunday") are one span.
    flags: [{ category: 'location', ruleId: 'empty-home', words: 'house is empty till Sunday', message: '"house is empty till Sunday" may tell strangers when your home is empty.' }],
  },
  {
    text: 'Text me on +44 7700 900123 when you arrive.',
    why: 'an international phone number',
    flags: [{ category: 'personal-data', ruleId: 'phone-number', words: '+44 7700 900123', message: '"+44 7700 900123" may expose a phone number.' }],
  },
  {
    text: 'My card is 4111 1111 1111 1111, can you book it?',
    why: 'a card number that passes Luhn',
    flags: [{ category: 'personal-data', ruleId: 'card-number', words: '4111 1111 1111 1111', message: '"4111 1111 1111 1111" may be a payment card number.' }],
  },
  {
    text: 'Gate code is 1984# if you get there first.',
    why: 'a gate code',
    flags: [{ category: 'personal-data', ruleId: 'door-code', words: 'Gate code is 1984#', message: '"Gate code is 1984#" may give strangers a way into a building.' }],
  },
  {
    text: 'Immigrants are parasites on our system.',
    why: 'a demeaning generalisation about a group',
    flags: [{ category: 'offensive', ruleId: 'demeaning-generalisation', words: 'Immigrants are parasites', message: '"Immigrants are parasites" may read as a demeaning generalisation about a group of people.' }],
  },
  {
    text: 'Called in sick and spent the day at the lake.',
    why: 'deceiving the employer',
    flags: [{ category: 'workplace-criticism', ruleId: 'deceiving-employer', words: 'Called in sick', message: '"Called in sick" may read as deceiving your employer.' }],
  },
  {
    text: 'Chemo round 3 done.',
    why: 'a health detail written without "I": diary style is about the writer',
    flags: [{ category: 'private-life', ruleId: 'personal-milestones', words: 'Chemo round', message: '"Chemo round" may share a private health or family matter with everyone who sees the post.' }],
  },
  {
    text: 'Got diagnosed with ADHD at 34.',
    why: 'a sentence that drops its subject ("Got diagnosed") is about the writer',
    flags: [
      { category: 'private-life', ruleId: 'health', words: 'diagnosed', message: '"diagnosed" may share a private detail that colleagues and employers could see.' },
      { category: 'private-life', ruleId: 'health', words: 'ADHD', message: '"ADHD" may share a private detail that colleagues and employers could see.' },
    ],
  },
  {
    text: "My manager calls a 7pm call a 'quick sync'.",
    why: 'scare quotes next to a workplace target mock it; the flag excludes the space before the quote',
    flags: [{ category: 'workplace-criticism', ruleId: 'scare-quotes-at-work', words: "'quick sync'", message: 'Quoting your workplace in scare quotes may read as mocking it.' }],
  },
  {
    text: 'Second interview tomorrow and nobody at work knows.',
    why: 'an interview kept secret from the employer',
    flags: [{ category: 'job-search', ruleId: 'planning-to-quit', words: 'Second interview tomorrow and nobody at work knows', message: '"Second interview tomorrow and nobody at work knows" may tell your employer you are looking to leave before you are ready to say so.' }],
  },
];

describe('review rules: valid drafts raise no flag', () => {
  it.each(valid)('$text ($why)', ({ text, policy }) => {
    expect(review(text, policy ? { policy: POLICY } : {}).flags.map(pick)).toEqual([]);
  });
});

describe('review rules: invalid drafts raise exactly these flags', () => {
  it.each(invalid)('$text ($why)', ({ text, policy, flags }) => {
    const result = review(text, policy ? { policy: POLICY } : {});
    expect(result.flags.map(pick)).toEqual(flags);
    for (const flag of result.flags) expect(text.slice(flag.start, flag.end)).toBe(flag.words);
  });
});
