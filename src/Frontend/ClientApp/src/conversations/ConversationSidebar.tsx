import { ThemeToggle } from '../ui/ThemeToggle';
import { LogoutIcon } from '../ui/icons';
import { useChatState } from '../store/ChatContext';
import { ConversationList } from './ConversationList';
import { NewChatForm } from './NewChatForm';
import './conversations.css';

export function ConversationSidebar({ onLogout }: { onLogout: () => void }) {
  const me = useChatState((s) => s.me);
  return (
    <div className="sidebar">
      <header className="sidebar-header">
        <div className="sidebar-me">
          <span className="brand-name">Chat Grid</span>
          {me && (
            <span className="sidebar-user" data-testid="current-user">
              {me.displayName || me.username}
            </span>
          )}
        </div>
        <ThemeToggle />
        <button type="button" className="icon-button" aria-label="Sign out" title="Sign out" data-testid="logout" onClick={onLogout}>
          <LogoutIcon />
        </button>
      </header>
      <NewChatForm />
      <ConversationList />
    </div>
  );
}
