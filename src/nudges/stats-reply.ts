/** The `stats` summary: anonymous weekly review counts for managers. */
import { makeReply } from '../core/replies.ts';
import type { Part, Reply } from '../core/types.ts';
import type { FalsePositiveCount } from '../storage/false-positives.ts';
import type { WeekStats } from '../storage/review-stats.ts';

/** Below this many reviews in the period, verdicts and categories are not broken down: a tiny team could be re-identified. */
export const MIN_REVIEWS_FOR_BREAKDOWN = 5;

function percent(part: number, total: number): string {
  return total === 0 ? '0%' : `${Math.round((part / total) * 100)}%`;
}

export function statsReply(weeks: WeekStats[], falsePositives: FalsePositiveCount[], periodWeeks: number): Reply {
  const total = weeks.reduce((sum, week) => sum + week.reviews, 0);
  const parts: Part[] = [{ type: 'heading', text: `Draft reviews, last ${periodWeeks} weeks` }];
  if (total === 0) {
    parts.push({ type: 'paragraph', text: 'No drafts were checked in this period yet. Suggest the team try it: "send social-check a draft before you post".' });
  } else {
    const sum = (pick: (week: WeekStats) => number | undefined) => weeks.reduce((acc, week) => acc + (pick(week) ?? 0), 0);
    const ok = sum((week) => week.verdicts.ok);
    const caution = sum((week) => week.verdicts.caution);
    const risky = sum((week) => week.verdicts.risky);
    const drafts = `${total} draft${total === 1 ? '' : 's'} checked`;
    // With one or two drafts, "1 better not posted" tells a manager who knows who used the bot what they wrote about.
    parts.push({
      type: 'paragraph',
      text:
        total >= MIN_REVIEWS_FOR_BREAKDOWN
          ? `${drafts}: ${ok} fine for everyone (${percent(ok, total)}), ${caution} better kept to a personal circle (${percent(caution, total)}), ${risky} better not posted (${percent(risky, total)}).`
          : `${drafts}.`,
    });
    parts.push({ type: 'bullets', items: weeks.map((week) => `Week of ${week.week}: ${week.reviews} review${week.reviews === 1 ? '' : 's'}`) });
    if (total >= MIN_REVIEWS_FOR_BREAKDOWN) {
      const categories = new Map<string, number>();
      for (const week of weeks) {
        for (const [category, count] of Object.entries(week.categories)) categories.set(category, (categories.get(category) ?? 0) + (count ?? 0));
      }
      const top = [...categories.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5);
      if (top.length > 0) {
        parts.push({ type: 'paragraph', text: 'What came up most:' });
        parts.push({ type: 'bullets', items: top.map(([category, count]) => `${category}: ${count} draft${count === 1 ? '' : 's'}`) });
      }
    } else {
      parts.push({ type: 'note', text: `Verdicts and categories are shown once at least ${MIN_REVIEWS_FOR_BREAKDOWN} drafts were checked, so nobody can be singled out.` });
    }
  }
  if (falsePositives.length > 0) {
    const reports = falsePositives.reduce((acc, row) => acc + row.reports, 0);
    parts.push({ type: 'paragraph', text: `People reported ${reports} flag${reports === 1 ? '' : 's'} as wrong; most often: ${falsePositives.slice(0, 3).map((row) => `${row.ruleId} (${row.reports})`).join(', ')}.` });
  }
  parts.push({ type: 'note', text: 'Counts only: social-check never keeps drafts or who wrote them.' });
  return makeReply('manager', parts);
}
