// One line of text for a message where there is no room for the message itself (the conversation list).
import type { Message } from '../api/types';

const typeLabels: Record<string, string> = {
  image: 'Photo',
  album: 'Album',
  video: 'Video',
  audio: 'Audio',
  voice: 'Voice message',
  document: 'Document',
  location: 'Location',
  live_location: 'Live location',
  contact: 'Contact',
  poll: 'Poll',
  sticker: 'Sticker',
  gif: 'GIF',
};

function metadataText(message: Message, field: string): string | null {
  const metadata = message.metadata;
  if (!metadata || typeof metadata !== 'object') return null;
  const value = (metadata as Record<string, unknown>)[field];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** "Deleted message", the text on one line, or a label for media ("Photo · caption", "Poll: question"). */
export function previewText(message: Message): string {
  if (message.deleted) return 'Deleted message';
  const content = message.content.replace(/\s+/gu, ' ').trim();
  const label = typeLabels[message.type];
  if (!label) return content;
  if (message.type === 'poll') {
    const question = metadataText(message, 'question');
    return question ? `${label}: ${question}` : label;
  }
  const detail = content || (message.type === 'document' ? metadataText(message, 'fileName') : null) || metadataText(message, 'name');
  return detail ? `${label} · ${detail}` : label;
}
