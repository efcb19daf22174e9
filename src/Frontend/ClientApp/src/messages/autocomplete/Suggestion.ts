/** One entry of the composer's suggestion list and what choosing it inserts. */
export interface Suggestion {
  key: string;
  /** Inserted in place of the trigger (`@bo` → `@bob `, `:thu` → `👍`). */
  insert: string;
  /** The emoji, or the member's avatar seed. */
  emoji?: string;
  userId?: string;
  label: string;
  detail: string;
}
