/**
 * A table as lines of text for a log: its title, then one line per row, each column but the last padded to its
 * widest cell, columns two spaces apart, the header first and a rule under it. Cells are single lines (line
 * breaks become spaces); the last column is not padded, so a long finding wraps as the reader's log wraps it.
 */
export function textTable(table: { title: string; columns: string[]; rows: string[][] }): string {
  const flat = (cell: string | undefined) => (cell ?? '').replace(/[\r\n]+/g, ' ');
  const all = [table.columns, ...table.rows].map((row) => table.columns.map((_, index) => flat(row[index])));
  const widths = table.columns.map((_, index) => Math.max(...all.map((row) => (row[index] as string).length)));
  const line = (row: string[]) =>
    `  ${row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] as number))).join('  ')}`.trimEnd();
  const [header, ...rows] = all;
  // The last column's rule is as long as its header, not its longest finding.
  const rule = widths.map((width, index) => '-'.repeat(index === widths.length - 1 ? (header?.[index] ?? '').length : width));
  return [table.title, line(header as string[]), `  ${rule.join('  ')}`, ...rows.map(line)].join('\n');
}
