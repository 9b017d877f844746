// The room route's entry (loaded lazily): turns an invitation link into a token kept on this
// device, refuses bad links with a page that says why, and otherwise opens the room at once.
import { useEffect, useRef, useState } from 'react';
import { ApiError, getMe } from '../lib/api';
import { navigate } from '../lib/navigation';
import { decodeTokenClaims, isExpired, resolveRoomToken, tokenStorageKey } from '../lib/token';
import type { TokenClaims } from '../lib/token';
import { RefusedPage } from './RefusedPage';
import { RoomPage } from './RoomPage';

type GateState =
  | { kind: 'checking' }
  | { kind: 'refused'; title: string; message: string }
  | { kind: 'ready'; token: string; claims: TokenClaims };

function refusalFor(error: ApiError): { title: string; message: string } {
  if (error.code === 'revoked' || error.status === 410)
    return {
      title: 'This invitation was revoked',
      message: 'The organizer has withdrawn this link. Ask them for a new one.',
    };
  if (error.code === 'token-expired')
    return {
      title: 'This link has expired',
      message: 'Ask the organizer of the negotiation for a new invitation.',
    };
  if (error.code === 'room-not-found' || error.status === 404)
    return {
      title: 'Room not found',
      message: 'This negotiation room does not exist, or it has been removed.',
    };
  return {
    title: 'This link is not valid',
    message: 'It may be incomplete or out of date. Ask the organizer for a new invitation.',
  };
}

/** Turns an invite link into a kept token, checks it with the server, then opens the room. */
export default function RoomGate({ roomId }: { roomId: string }) {
  const [state, setState] = useState<GateState>({ kind: 'checking' });
  // The link's token is read once: the effect may run again after the hash has been cleared.
  const tokenRef = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    if (tokenRef.current === undefined)
      tokenRef.current = resolveRoomToken(roomId, window.location.hash, localStorage);
    const token = tokenRef.current;
    if (window.location.hash) navigate(`/rooms/${encodeURIComponent(roomId)}`, { replace: true });
    if (!token) {
      setState({
        kind: 'refused',
        title: 'You need an invitation',
        message: 'Open this room with the invitation link you were sent. It carries your access.',
      });
      return;
    }
    const claims = decodeTokenClaims(token);
    if (!claims || claims.room !== roomId) {
      localStorage.removeItem(tokenStorageKey(roomId));
      setState({
        kind: 'refused',
        title: 'This link is not valid',
        message: 'Ask the organizer for a new invitation.',
      });
      return;
    }
    if (isExpired(claims, Date.now())) {
      localStorage.removeItem(tokenStorageKey(roomId));
      setState({
        kind: 'refused',
        title: 'This link has expired',
        message: 'Ask the organizer of the negotiation for a new invitation.',
      });
      return;
    }
    // The room opens at once from the token's claims; the server's answer about the member
    // arrives in parallel and closes the room again if the link is no longer valid.
    setState({ kind: 'ready', token, claims });
    let cancelled = false;
    getMe(roomId, token).catch((error: unknown) => {
      if (cancelled) return;
      if (error instanceof ApiError && error.status !== 0 && error.status < 500) {
        localStorage.removeItem(tokenStorageKey(roomId));
        setState({ kind: 'refused', ...refusalFor(error) });
      }
      // Offline or server trouble: keep working from what this device kept; the header says so.
    });
    return () => {
      cancelled = true;
    };
  }, [roomId]);

  if (state.kind === 'checking')
    return (
      <div className="page-loading" role="status">
        Opening the room…
      </div>
    );
  if (state.kind === 'refused') return <RefusedPage title={state.title} message={state.message} />;
  return <RoomPage roomId={roomId} token={state.token} claims={state.claims} />;
}
