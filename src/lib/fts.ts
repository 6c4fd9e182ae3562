// Turns a reader's search text into a safe FTS5 MATCH expression. FTS5 has its own query
// language (AND, NEAR, column filters, quotes) whose syntax errors would otherwise surface as
// 500s, so every word becomes a quoted phrase; a trailing `*` keeps prefix search.
export function toFtsQuery(text: string): string | null {
  const terms = text
    .normalize('NFC')
    .split(/\s+/u)
    .map((raw) => {
      const prefix = raw.endsWith('*');
      const word = raw.replace(/["*]/g, '').replace(/[\p{C}]/gu, '');
      if (!/[\p{L}\p{N}]/u.test(word)) return null;
      return `"${word}"${prefix ? '*' : ''}`;
    })
    .filter((term): term is string => term !== null);
  return terms.length ? terms.join(' ') : null;
}
