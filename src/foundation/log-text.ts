/**
 * Text for a CI log in which no line can be read as a workflow command, as
 * a GitHub runner reads them (actions/runner ActionCommand.cs): `::name::`
 * at the start of a line once leading white space is trimmed, or the legacy
 * `##[name]` anywhere in a line, lines ending at \n, \r\n or \r. Messages
 * carry text from outside (registry answers and error bodies, package
 * fields, script command lines): `::stop-commands::x` in one would turn off
 * command processing for the rest of the step, and with it every mask.
 *
 * Each line is kept readable: a line that would start with `::` gets a `\`
 * before it, and `##[` becomes `#\#[`. Lines are joined with \n.
 */
export function inertText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(inertLine)
    .join('\n');
}

function inertLine(line: string): string {
  // JavaScript's \s is a superset of .NET's white space (it adds U+FEFF), so no line the runner trims to `::` is missed.
  const legacySafe = line.replaceAll('##[', '#\\#[');
  return legacySafe.replace(/^(\s*)::/, '$1\\::');
}
