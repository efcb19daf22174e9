import type { FileHit, MessageHit, PersonHit } from '../api/search';
import { FileTypeIcon } from '../files/FileTypeIcon';
import { UserAvatar } from '../files/UserAvatar';
import { useChatState } from '../store/ChatContext';
import { Highlighted } from './Highlighted';
import { hitConversation, hitDate, hitSender } from './hitLabels';

export function MessageHitView({ hit }: { hit: MessageHit }) {
  // Strings, not an object: the selector's answer must stay equal while nothing changed.
  const place = {
    sender: useChatState((s) => hitSender(s, hit.conversationId, hit.senderId)),
    conversation: useChatState((s) => hitConversation(s, hit.conversationId)),
  };
  return (
    <>
      <span className="search-hit-meta">
        <span className="search-hit-sender" data-testid="search-hit-sender">
          {place.sender}
        </span>
        <span className="search-hit-place" data-testid="search-hit-conversation">
          {place.conversation}
        </span>
        <time className="search-hit-date" dateTime={hit.sentAt}>
          {hitDate(hit.sentAt)}
        </time>
      </span>
      <span className="search-hit-snippet" data-testid="search-hit-snippet">
        <Highlighted text={hit.snippet} ranges={hit.highlights} />
      </span>
    </>
  );
}

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function FileHitView({ hit }: { hit: FileHit }) {
  // Strings, not an object: the selector's answer must stay equal while nothing changed.
  const place = {
    sender: useChatState((s) => hitSender(s, hit.conversationId, hit.senderId)),
    conversation: useChatState((s) => hitConversation(s, hit.conversationId)),
  };
  return (
    <>
      <span className="search-hit-icon" aria-hidden="true">
        <FileTypeIcon contentType={hit.file.contentType} />
      </span>
      <span className="search-hit-body">
        <span className="search-hit-snippet" data-testid="search-hit-filename">
          <Highlighted text={hit.file.name} ranges={hit.highlights} />
        </span>
        <span className="search-hit-meta">
          <span className="search-hit-sender">{place.sender}</span>
          <span className="search-hit-place">{place.conversation}</span>
          <span>{fileSize(hit.file.size)}</span>
          <time className="search-hit-date" dateTime={hit.sentAt}>
            {hitDate(hit.sentAt)}
          </time>
        </span>
      </span>
    </>
  );
}

const matchedByText = { username: null, displayName: null, email: 'by email', phone: 'by phone' } as const;

export function PersonView({ person }: { person: PersonHit }) {
  const name = person.displayName || person.username;
  const how = matchedByText[person.matchedBy] ?? null;
  return (
    <>
      <UserAvatar userId={person.userId} name={name} />
      <span className="search-hit-body">
        <span className="search-person-name" data-testid="search-person-name">
          {name}
        </span>
        <span className="search-hit-meta">
          <span>@{person.username}</span>
          {how && <span>{how}</span>}
        </span>
      </span>
    </>
  );
}
