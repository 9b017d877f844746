// The page shown instead of a room the link cannot open (no, bad, expired or revoked invitation,
// or a session the server ended): always a reason and a way back, never a blank screen.
import { useEffect } from 'react';
import { navigate } from '../lib/navigation';

export function RefusedPage({ title, message }: { title: string; message: string }) {
  useEffect(() => {
    document.title = `${title} · Parley`;
  }, [title]);
  return (
    <main className="notice-page">
      <div className="notice-card" role="alert">
        <div className="notice-icon" aria-hidden="true">
          !
        </div>
        <h1>{title}</h1>
        <p>{message}</p>
        <button type="button" className="btn btn-secondary" onClick={() => navigate('/')}>
          Go to the lobby
        </button>
      </div>
    </main>
  );
}
