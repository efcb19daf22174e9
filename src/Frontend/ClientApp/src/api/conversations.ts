import { apiFetch, query } from './http';
import type { ConversationDetails, ConversationSummary, ConversationType, InviteLink, MemberRole, MessagePage } from './types';

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
  page: { beforeSeq?: number; afterSeq?: number; aroundSeq?: number; limit?: number },
): Promise<MessagePage> {
  const search = query({ beforeSeq: page.beforeSeq, afterSeq: page.afterSeq, aroundSeq: page.aroundSeq, limit: page.limit ?? 50 });
  return apiFetch<MessagePage>(`/api/conversations/${encodeURIComponent(conversationId)}/messages${search}`);
}

/** Renames a group or channel (owner or admin); the answer is the conversation with member names. */
export function renameConversation(conversationId: string, name: string): Promise<ConversationDetails> {
  return apiFetch<ConversationDetails>(`/api/conversations/${encodeURIComponent(conversationId)}`, { method: 'PATCH', body: { name } });
}

/** Sets (a completed image of the caller's) or removes (null) a group's or channel's picture; owner or admin. */
export function setConversationAvatar(conversationId: string, avatarFileId: string | null): Promise<ConversationDetails> {
  return apiFetch<ConversationDetails>(`/api/conversations/${encodeURIComponent(conversationId)}`, {
    method: 'PATCH',
    body: { avatarFileId },
  });
}

export type MessageRequestAnswer = 'accept' | 'ignore' | 'block';

/** Accepts a message request, ignores it (hidden until a newer message) or blocks its sender. */
export function answerMessageRequest(conversationId: string, answer: MessageRequestAnswer): Promise<void> {
  return apiFetch<void>(`/api/conversations/${encodeURIComponent(conversationId)}/request/${answer}`, { method: 'POST', body: {} });
}

export function addMembers(conversationId: string, userIds: string[]): Promise<ConversationDetails> {
  return apiFetch<ConversationDetails>(`/api/conversations/${encodeURIComponent(conversationId)}/members`, {
    method: 'POST',
    body: { userIds },
  });
}

/** Removes a member; removing oneself leaves the conversation. */
export function removeMember(conversationId: string, userId: string): Promise<void> {
  return apiFetch<void>(`/api/conversations/${encodeURIComponent(conversationId)}/members/${encodeURIComponent(userId)}`, {
    method: 'DELETE',
  });
}

export function setMemberRole(conversationId: string, userId: string, role: MemberRole): Promise<void> {
  return apiFetch<void>(`/api/conversations/${encodeURIComponent(conversationId)}/members/${encodeURIComponent(userId)}/role`, {
    method: 'PUT',
    body: { role },
  });
}

/** A new invite link; its code is shown only in this answer (the server keeps a hash). */
export function createInvite(conversationId: string): Promise<InviteLink> {
  return apiFetch<InviteLink>(`/api/conversations/${encodeURIComponent(conversationId)}/invites`, { method: 'POST', body: {} });
}

export function revokeInvite(conversationId: string, code: string): Promise<void> {
  return apiFetch<void>(`/api/conversations/${encodeURIComponent(conversationId)}/invites/${encodeURIComponent(code)}`, {
    method: 'DELETE',
  });
}
