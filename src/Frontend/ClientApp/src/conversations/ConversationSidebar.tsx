import { useRef, useState } from 'react';
import { GlobalSearch } from '../search/GlobalSearch';
import { SettingsDialog } from '../settings/SettingsDialog';
import { ThemeToggle } from '../ui/ThemeToggle';
import { LogoutIcon, SettingsIcon } from '../ui/icons';
import { useChatState } from '../store/ChatContext';
import { ConversationList } from './ConversationList';
import { NewChatForm } from './NewChatForm';
import './conversations.css';

export function ConversationSidebar({ onLogout }: { onLogout: () => void }) {
  const me = useChatState((s) => s.me);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // While searching, the results take the room of the new-chat form and the list.
  const [searching, setSearching] = useState(false);
  const settingsButton = useRef<HTMLButtonElement>(null);
  return (
    <div className="sidebar">
      <header className={`sidebar-header${searching ? ' is-searching' : ''}`}>
        <div className="sidebar-me">
          <span className="brand-name">Chat Grid</span>
          {me && (
            <span className="sidebar-user" data-testid="current-user">
              {me.displayName || me.username}
            </span>
          )}
        </div>
        <button
          ref={settingsButton}
          type="button"
          className="icon-button"
          aria-label="Settings"
          aria-haspopup="dialog"
          title="Settings"
          data-testid="settings-open"
          onClick={() => setSettingsOpen(true)}
        >
          <SettingsIcon />
        </button>
        <ThemeToggle />
        <button type="button" className="icon-button" aria-label="Sign out" title="Sign out" data-testid="logout" onClick={onLogout}>
          <LogoutIcon />
        </button>
        <GlobalSearch onOpenChange={setSearching} />
      </header>
      {settingsOpen && (
        <SettingsDialog
          onClose={() => {
            setSettingsOpen(false);
            settingsButton.current?.focus();
          }}
        />
      )}
      <div className="sidebar-body" hidden={searching}>
        <NewChatForm />
        <ConversationList />
      </div>
    </div>
  );
}
