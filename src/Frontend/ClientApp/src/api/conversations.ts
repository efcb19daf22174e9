import { apiFetch, query } from './http';
import type { ConversationDetails, ConversationSummary, ConversationType, MessagePage } from './types';

export interface CreateConversationInput {
  type: ConversationType;
  name?: string;
  memberIds: string[];
}

export function listConversations(): Promise<ConversationSummary[]> {
  return apiFetch<ConversationSummary[]>('/api/conversations');
}

export function getConversation(conversationId: string): Promise<ConversationDetails> {
  return apiFetch<ConversationDetails>(`/api/conversations/${encodeURIComponent(conversationId)}`);
}

export function createConversation(input: CreateConversationInput): Promise<ConversationDetails> {
  return apiFetch<ConversationDetails>('/api/conversations', { method: 'POST', body: input });
}

export function getMessages(
  conversationId: string,
  page: { beforeSeq?: number; afterSeq?: number; limit?: number },
): Promise<MessagePage> {
  const search = query({ beforeSeq: page.beforeSeq, afterSeq: page.afterSeq, limit: page.limit ?? 50 });
  return apiFetch<MessagePage>(`/api/conversations/${encodeURIComponent(conversationId)}/messages${search}`);
}
