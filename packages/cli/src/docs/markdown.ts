// Markdown helpers for generated tables: cells escaped, code spans.

/** A table cell: pipes escaped (also inside code spans, as GFM tables need), no line breaks. */
export const cell = (text: string): string => text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');

/** A code span that survives any backticks in `text`. */
export const code = (text: string): string => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

/** A markdown table from a header and rows of raw cell text. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
