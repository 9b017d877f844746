// The app's routes: the lobby at the root, a room under /rooms/:id (its code loads only then, so
// the lobby stays light), and a page that says so for any other address.
import { lazy, Suspense } from 'react';
import { LobbyPage } from './lobby/LobbyPage';
import { roomIdFromPath } from './lib/token';
import { usePathname } from './lib/navigation';
import { NotFoundPage } from './NotFoundPage';

const RoomGate = lazy(() => import('./room/RoomGate'));

export function App() {
  const pathname = usePathname();
  if (pathname === '/' || pathname === '/index.html') return <LobbyPage />;
  const roomId = roomIdFromPath(pathname);
  if (roomId) {
    return (
      <Suspense
        fallback={
          <div className="page-loading" role="status">
            Opening the room…
          </div>
        }
      >
        <RoomGate key={roomId} roomId={roomId} />
      </Suspense>
    );
  }
  return <NotFoundPage />;
}
