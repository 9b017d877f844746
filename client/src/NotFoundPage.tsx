// The page for an address that is neither the lobby nor a room: a way back instead of a blank
// screen.
import { navigate } from './lib/navigation';

export function NotFoundPage() {
  return (
    <main className="notice-page">
      <div className="notice-card">
        <h1>Page not found</h1>
        <p>There is nothing at this address.</p>
        <button type="button" className="btn btn-primary" onClick={() => navigate('/')}>
          Go to the lobby
        </button>
      </div>
    </main>
  );
}
