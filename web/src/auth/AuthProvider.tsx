// Keeps the cached session in step with the server: when any request finds the session gone, the
// session becomes null (and the guard sends the user to sign in). Hosts the password prompt.
import { useEffect, type ReactNode } from 'react';
import { useReplaceSession } from '../api/auth.ts';
import { onSessionEnded } from '../api/client.ts';
import { ReauthModal } from './ReauthModal.tsx';

export function AuthProvider({ children }: { children: ReactNode }) {
  const replace = useReplaceSession();
  useEffect(() => onSessionEnded(() => replace(null)), [replace]);
  return (
    <>
      {children}
      <ReauthModal />
    </>
  );
}
