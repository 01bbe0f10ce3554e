/**
 * Recall of the personal-data detectors on Microsoft Presidio's synthetic PII
 * sentences (/work/shared/data/pii_spans, fake values): per entity type, the
 * share of labelled spans a personal-data flag overlaps, and the flags that
 * overlap no labelled span. Card numbers are counted separately when they fail
 * the Luhn check (the generator makes many that no bank would issue, and the
 * review deliberately ignores them).
 *
 *   node --import tsx bench/eval-personal-data.ts
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_CONTENT_DIR } from '../src/content/load-content.ts';
import { ContentProblems } from '../src/content/validate.ts';
import { luhnValid } from '../src/review/checksums.ts';
import { loadRules } from '../src/review/load-rules.ts';
import { reviewDraft } from '../src/review/review-draft.ts';

const FILE = process.env.PII_SPANS_FILE ?? '/work/shared/data/pii_spans/presidio_synth_dataset_v2_subset.json';
const TYPES = ['EMAIL_ADDRESS', 'PHONE_NUMBER', 'CREDIT_CARD', 'IBAN_CODE', 'US_SSN', 'STREET_ADDRESS'] as const;

interface Record {
  full_text: string;
  spans: Array<{ entity_type: string; entity_value: string; start_position: number; end_position: number }>;
}

const problems = new ContentProblems();
const rules = loadRules(DEFAULT_CONTENT_DIR, problems);
problems.throwIfAny();
const records = JSON.parse(readFileSync(FILE, 'utf8')) as Record[];

const found = new Map<string, { total: number; hit: number }>();
let flags = 0;
let strayFlags = 0;
for (const record of records) {
  const result = reviewDraft(record.full_text, { rules });
  const pii = result.flags.filter((flag) => flag.category === 'personal-data');
  flags += pii.length;
  for (const flag of pii) {
    if (!record.spans.some((span) => span.start_position < flag.end && flag.start < span.end_position)) strayFlags += 1;
  }
  for (const span of record.spans) {
    if (!(TYPES as readonly string[]).includes(span.entity_type)) continue;
    let type = span.entity_type;
    if (type === 'CREDIT_CARD') type = luhnValid(span.entity_value.replace(/\D/g, '')) ? 'CREDIT_CARD (Luhn-valid)' : 'CREDIT_CARD (fails Luhn)';
    const entry = found.get(type) ?? { total: 0, hit: 0 };
    entry.total += 1;
    if (pii.some((flag) => flag.start < span.end_position && span.start_position < flag.end)) entry.hit += 1;
    found.set(type, entry);
  }
}
console.log(`Presidio synthetic PII: ${records.length} sentences`);
console.log('| entity | spans | flagged | recall |');
console.log('| --- | ---: | ---: | ---: |');
for (const [type, { total, hit }] of [...found].sort()) console.log(`| ${type} | ${total} | ${hit} | ${((hit / total) * 100).toFixed(1)}% |`);
console.log(`personal-data flags: ${flags}, overlapping no labelled span: ${strayFlags}`);
