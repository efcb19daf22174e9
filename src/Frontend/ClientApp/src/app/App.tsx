import { AuthScreen } from '../auth/AuthScreen';
import { CallLayer } from '../calls/CallLayer';
import { ChatShell } from './ChatShell';
import { useSessionRestoring, useSessionUser } from './useSessionUser';

export function App() {
  const userId = useSessionUser();
  const restoring = useSessionRestoring();
  return (
    <>
      {userId ? <ChatShell key={userId} userId={userId} /> : restoring ? <div className="app-restoring" aria-busy="true" /> : <AuthScreen />}
      <CallLayer />
    </>
  );
}
