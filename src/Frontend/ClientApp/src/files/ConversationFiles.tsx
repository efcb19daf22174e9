import { useId, useState } from 'react';
import type { FileKind } from '../api/files';
import './files.css';
import { AudioPlayer } from './AudioPlayer';
import { DocumentCard } from './DocumentCard';
import { Lightbox } from './Lightbox';
import { MediaThumb } from './MediaThumb';
import { useConversationFiles } from './useConversationFiles';
import { useLightbox } from './useLightbox';

const TABS: { id: string; label: string; kinds: FileKind[] }[] = [
  { id: 'media', label: 'Photos & videos', kinds: ['image', 'video'] },
  { id: 'audio', label: 'Audio', kinds: ['audio'] },
  { id: 'documents', label: 'Documents', kinds: ['document'] },
];

function FileList({ conversationId, tab }: { conversationId: string; tab: (typeof TABS)[number] }) {
  const { items, loading, error, hasMore, loadMore } = useConversationFiles(conversationId, tab.kinds);
  const lightbox = useLightbox<HTMLUListElement>();
  const files = items.map((item) => item.file);
  return (
    <>
      {items.length === 0 && !loading && !error && <p className="muted pad">Nothing here yet.</p>}
      {tab.id === 'media' ? (
        <ul ref={lightbox.tiles} className="files-grid" data-testid="files-list">
          {items.map((item, index) => (
            <li key={`${item.seq}|${item.file.fileId}`}>
              <MediaThumb
                file={item.file}
                size="320"
                label={`Open ${item.file.name}`}
                onOpen={() => lightbox.show(index)}
              />
            </li>
          ))}
        </ul>
      ) : (
        <ul className="files-rows" data-testid="files-list">
          {items.map((item) => (
            <li key={`${item.seq}|${item.file.fileId}`} data-testid="files-item">
              {tab.id === 'audio' ? <AudioPlayer file={item.file} voice={false} /> : <DocumentCard file={item.file} />}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {hasMore && items.length > 0 && (
        <button type="button" className="secondary-button files-more" onClick={() => void loadMore()} disabled={loading}>
          {loading ? 'Loading…' : 'Show older'}
        </button>
      )}
      {loading && items.length === 0 && <p className="muted pad">Loading…</p>}
      {lightbox.open !== null && <Lightbox files={files} index={lightbox.open} onIndex={lightbox.setOpen} onClose={lightbox.close} />}
    </>
  );
}

/** The conversation's shared files by kind, newest first, a page at a time (GET /api/conversations/{id}/files). */
export function ConversationFiles({ conversationId }: { conversationId: string }) {
  const [tab, setTab] = useState(TABS[0]);
  const id = useId();
  return (
    <section className="conversation-files" aria-label="Files" data-testid="conversation-files">
      <div role="tablist" aria-label="Kind of file" className="files-tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${id}-${t.id}`}
            aria-selected={tab.id === t.id}
            aria-controls={`${id}-panel`}
            className={`files-tab${tab.id === t.id ? ' is-active' : ''}`}
            onClick={() => setTab(t)}
            data-testid={`files-tab-${t.id}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab.id}`}>
        <FileList key={tab.id} conversationId={conversationId} tab={tab} />
      </div>
    </section>
  );
}
