/**
 * Splits one command line into words with POSIX shell quoting, so that
 * `deprecate pkg@"<2" "use 2.x"` reads as npm users expect: single quotes
 * are literal, double quotes allow `\"`, `\\`, `\$` and `` \` ``, a backslash
 * outside quotes escapes the next character, and an unquoted `#` at the start
 * of a word begins a comment. No variable expansion, globbing or
 * substitution happens: the text is data, not a script.
 */
export function tokenize(line: string): { words: string[]; error?: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i] as string;
    if (char === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) return { words, error: 'a single quote is not closed' };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (char === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j += 1) {
        const next = line[j + 1];
        if (line[j] === '\\' && next !== undefined && '"\\$`'.includes(next)) {
          word += next;
          j += 1;
        } else {
          word += line[j];
        }
      }
      if (j >= line.length) return { words, error: 'a double quote is not closed' };
      inWord = true;
      i = j;
    } else if (char === '\\') {
      if (i + 1 >= line.length) return { words, error: 'the line ends with a lone backslash' };
      word += line[i + 1];
      inWord = true;
      i += 1;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (char === '#' && !inWord) {
      break;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return { words };
}
