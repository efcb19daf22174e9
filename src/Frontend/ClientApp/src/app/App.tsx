import { AuthScreen } from '../auth/AuthScreen';
import { CallLayer } from '../calls/CallLayer';
import { ChatShell } from './ChatShell';
import { useSessionUser } from './useSessionUser';

export function App() {
  const userId = useSessionUser();
  return (
    <>
      {userId ? <ChatShell key={userId} userId={userId} /> : <AuthScreen />}
      <CallLayer />
    </>
  );
}
