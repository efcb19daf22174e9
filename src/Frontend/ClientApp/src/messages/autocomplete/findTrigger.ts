/** What the word before the caret asks for: a member (`@bo`) or an emoji (`:thu`). */
export interface Trigger {
  kind: 'mention' | 'emoji';
  /** Index of the `@` or `:` in the text. */
  start: number;
  /** The text typed after it, up to the caret. */
  query: string;
}

// At the start or after whitespace or an opening bracket, so "a@b.c" and "10:30" do not ask for anything.
const MENTION = /(?:^|[\s([{])@([\p{L}\p{N}_.]{0,32})$/u;
const EMOJI = /(?:^|[\s([{])(:([a-z0-9_+-]{2,32}))$/i;

/** The trigger that ends at the caret, if any. Emoji need two letters after the colon, as in most apps. */
export function findTrigger(text: string, caret: number): Trigger | null {
  const before = text.slice(0, caret);
  const mention = MENTION.exec(before);
  if (mention) return { kind: 'mention', start: caret - mention[1].length - 1, query: mention[1] };
  const emoji = EMOJI.exec(before);
  if (emoji) return { kind: 'emoji', start: caret - emoji[1].length, query: emoji[2] };
  return null;
}
