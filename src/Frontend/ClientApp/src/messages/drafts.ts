// Unsent composer text per conversation, kept while switching conversations in this tab.
const drafts = new Map<string, string>();

export function getDraft(conversationId: string): string {
  return drafts.get(conversationId) ?? '';
}

export function setDraft(conversationId: string, text: string): void {
  if (text) drafts.set(conversationId, text);
  else drafts.delete(conversationId);
}
