import type { HighlightRanges } from '../api/search';

/**
 * Server text with its matched ranges marked: the ranges index the string (UTF-16), so this only cuts
 * and wraps pieces in <mark>; the text is never parsed as markup.
 */
export function Highlighted({ text, ranges }: { text: string; ranges: HighlightRanges | null | undefined }) {
  const pieces: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  const sorted = [...(ranges ?? [])]
    .filter((r) => Array.isArray(r) && Number.isInteger(r[0]) && Number.isInteger(r[1]) && r[1] > 0)
    .sort((a, b) => a[0] - b[0]);
  for (const [start, length] of sorted) {
    const from = Math.max(start, at);
    const to = Math.min(start + length, text.length);
    if (to <= from) continue;
    if (from > at) pieces.push({ text: text.slice(at, from), marked: false });
    pieces.push({ text: text.slice(from, to), marked: true });
    at = to;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return (
    <>
      {pieces.map((piece, index) =>
        piece.marked ? (
          <mark key={index} className="search-mark" data-testid="search-mark">
            {piece.text}
          </mark>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </>
  );
}
