/**
 * Strategy- and platform-aware advice for a reviewed draft, from
 * content/review/advice.yaml: where the draft can go on the person's network,
 * what their boundary strategy suggests, what to do per risk category, the
 * company's own policy and contacts, and a clear note when the draft is longer
 * than the platform accepts.
 */
import type { OrgProfile } from '../core/ports.ts';
import { SOCIAL_PLATFORMS, type Audience, type Flag, type RiskCategory, type SocialPlatform, type StrategyId } from '../core/types.ts';
import type { AdviceBook } from './rule-types.ts';

/** Length as the networks count it: Unicode code points. */
export function postLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) count += 1;
  }
  return count;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (values[key] !== undefined ? String(values[key]) : whole));
}

export function lengthAdvice(advice: AdviceBook, text: string, platform: SocialPlatform | undefined): string[] {
  const length = postLength(text);
  if (platform) {
    const entry = advice.platforms[platform];
    if (!entry || length <= entry.limit) return [];
    return [fill(entry.limitNote, { length: length.toLocaleString('en-US'), limit: entry.limit.toLocaleString('en-US'), over: (length - entry.limit).toLocaleString('en-US') })];
  }
  const tooLongFor = SOCIAL_PLATFORMS.filter((id) => advice.platforms[id] && length > advice.platforms[id].limit).map(
    (id) => `${advice.platforms[id].name} (${advice.platforms[id].limit.toLocaleString('en-US')})`,
  );
  if (tooLongFor.length === 0) return [];
  return [`At ${length.toLocaleString('en-US')} characters this draft is too long for ${tooLongFor.join(', ')}: shorten it or split it into a thread there.`];
}

export interface AdviceInput {
  advice: AdviceBook;
  text: string;
  flags: readonly Flag[];
  audience: Audience;
  strategy?: StrategyId;
  platform?: SocialPlatform;
  policy?: OrgProfile;
}

export function adviceFor(input: AdviceInput): string[] {
  const { advice, flags, audience, strategy, platform, policy } = input;
  const lines: string[] = [...lengthAdvice(advice, input.text, platform)];
  if (audience !== 'everyone' && platform) lines.push(advice.platforms[platform][audience]);
  if (strategy) lines.push(advice.strategies[strategy][audience]);
  if (!platform && !strategy) lines.push(advice.general[audience]);
  else if (!platform && audience !== 'everyone') lines.push(advice.general.noPlatform);
  const categories: RiskCategory[] = [];
  for (const flag of flags) if (!categories.includes(flag.category)) categories.push(flag.category);
  for (const category of categories) {
    const line = advice.categories[category];
    if (line) lines.push(line);
  }
  const speaksForWork = categories.some((category) => category === 'employer-voice' || category === 'confidential' || category === 'workplace-criticism');
  if (policy?.commsContact && speaksForWork) lines.push(fill(advice.policy.commsContact, { commsContact: policy.commsContact }));
  if (policy?.disclaimer && speaksForWork) lines.push(fill(advice.policy.disclaimer, { disclaimer: policy.disclaimer }));
  if (policy?.policyUrl && audience !== 'everyone') lines.push(fill(advice.policy.policyUrl, { policyUrl: policy.policyUrl }));
  return [...new Set(lines.filter((line) => line.trim() !== ''))];
}
