import { parse as parseYaml } from 'yaml';

/** Splits a Markdown file into its YAML front matter and body. */
export function splitFrontMatter(source: string): { data: unknown; body: string } | undefined {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) return undefined;
  const end = text.indexOf('\n---', 4);
  if (end === -1) return undefined;
  const after = text.indexOf('\n', end + 4);
  return {
    data: parseYaml(text.slice(4, end)),
    body: after === -1 ? '' : text.slice(after + 1).trim(),
  };
}
