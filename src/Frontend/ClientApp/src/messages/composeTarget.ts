/** The composer answers a message (reply) or rewrites one of the user's own (edit). */
export interface ComposeTarget {
  kind: 'reply' | 'edit';
  seq: number;
  /** Who wrote the message, as shown in the banner above the composer. */
  senderName: string;
  /** Its text: quoted for a reply, the starting point for an edit. */
  text: string;
}
