// Wraps runs of emoji in message text in <span class="emoji">, so they are drawn with the bundled emoji
// font even where the browser would not fall back to a web font at the end of the text's font list.

interface Text {
  type: 'text';
  value: string;
}

interface Element {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: Node[];
}

type Node = Text | Element | { type: 'root' | 'comment' | 'doctype' | 'raw'; children?: Node[] };

// Emoji shown as pictures by default, or text symbols asked to be (U+FE0F), with skin tones and ZWJ sequences.
const ONE = String.raw`(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)(?:[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u20E3|\u200D(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F?))*`;
const RUN = new RegExp(`(?:${ONE})+`, 'gu');
const SKIP = new Set(['code', 'pre']);

function split(text: Text): Node[] | null {
  const matches = [...text.value.matchAll(RUN)];
  if (matches.length === 0) return null;
  const out: Node[] = [];
  let last = 0;
  for (const match of matches) {
    const at = match.index ?? 0;
    if (at > last) out.push({ type: 'text', value: text.value.slice(last, at) });
    out.push({ type: 'element', tagName: 'span', properties: { className: ['emoji'] }, children: [{ type: 'text', value: match[0] }] });
    last = at + match[0].length;
  }
  if (last < text.value.length) out.push({ type: 'text', value: text.value.slice(last) });
  return out;
}

function walk(node: Node): void {
  if (!('children' in node) || !node.children) return;
  if (node.type === 'element' && SKIP.has(node.tagName)) return;
  const children: Node[] = [];
  for (const child of node.children) {
    const parts = child.type === 'text' ? split(child) : null;
    if (parts) children.push(...parts);
    else {
      walk(child);
      children.push(child);
    }
  }
  node.children = children;
}

export function rehypeEmoji() {
  return (tree: Node) => walk(tree);
}
