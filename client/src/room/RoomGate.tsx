// The room route's entry (loaded lazily): joins with a link's invitation once and keeps the session
// it answers on this device, refuses bad or used links with a page that says why, holds a mediator
// or observer at a waiting page until every party consented, and otherwise opens the room at once.
import { roleHasParty } from '@parley/shared/permissions';
import type { JoinResponse, MeResponse } from '@parley/shared/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, getMe, joinRoom } from '../lib/api';
import { navigate } from '../lib/navigation';
import { decodeTokenClaims, isExpired, resolveRoomToken, tokenStorageKey } from '../lib/token';
import type { TokenClaims } from '../lib/token';
import { ConsentWaitingPage } from './invites/ConsentWaitingPage';
import { RefusedPage } from './RefusedPage';
import { RoomPage } from './RoomPage';

type GateState =
  | { kind: 'checking' }
  | { kind: 'refused'; title: string; message: string }
  | { kind: 'waiting'; declined: boolean; message: string }
  | { kind: 'ready'; token: string; claims: TokenClaims };

const consentCodes = ['consent-pending', 'consent-declined'];

function refusalFor(error: ApiError): { title: string; message: string } {
  if (error.code === 'invite-used')
    return {
      title: 'This invitation was already used',
      message:
        'An invitation link opens the room once, and this one has been opened before. If that was you in another browser or on another device, carry on there. Otherwise ask an organizer of your party for a new invitation: they have been told this link was opened again.',
    };
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

/** Joins in flight, by invitation: a second run of the gate waits for the same join. */
const joins = new Map<string, Promise<JoinResponse>>();

function joinOnce(roomId: string, invitation: string): Promise<JoinResponse> {
  let join = joins.get(invitation);
  if (!join) {
    join = joinRoom(roomId, invitation);
    joins.set(invitation, join);
  }
  return join;
}

/** The claims as the server has the member now: a role or name changed since the token was signed. */
function withMember(claims: TokenClaims, me: MeResponse): TokenClaims {
  const { role, name, partyId } = me.member;
  if (claims.role === role && claims.name === name && claims.party === partyId) return claims;
  return { ...claims, role, name, party: partyId };
}

/** Turns an invite link into a kept session, checks it with the server, then opens the room. */
export default function RoomGate({ roomId }: { roomId: string }) {
  const [state, setState] = useState<GateState>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // The link's token is read once: the effect may run again after the hash has been cleared.
  const tokenRef = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    if (tokenRef.current === undefined)
      tokenRef.current = resolveRoomToken(roomId, window.location.hash, localStorage);
    if (window.location.hash) navigate(`/rooms/${encodeURIComponent(roomId)}`, { replace: true });
    let cancelled = false;
    const storageKey = tokenStorageKey(roomId);
    const refuse = (title: string, message: string, forget = true) => {
      if (cancelled) return;
      if (forget) localStorage.removeItem(storageKey);
      setState({ kind: 'refused', title, message });
    };
    /** What the server's refusal means here: wait for consent, or a page that says why. */
    const answer = (error: unknown): boolean => {
      if (cancelled || !(error instanceof ApiError)) return false;
      if (consentCodes.includes(error.code)) {
        setState({
          kind: 'waiting',
          declined: error.code === 'consent-declined',
          message: error.message,
        });
        return true;
      }
      if (error.status !== 0 && error.status < 500) {
        const { title, message } = refusalFor(error);
        refuse(title, message);
        return true;
      }
      return false;
    };

    const open = async () => {
      let token = tokenRef.current;
      if (!token) {
        refuse(
          'You need an invitation',
          'Open this room with the invitation link you were sent. It carries your access.',
          false,
        );
        return;
      }
      let claims = decodeTokenClaims(token);
      if (!claims || claims.room !== roomId) {
        refuse('This link is not valid', 'Ask the organizer for a new invitation.');
        return;
      }
      if (isExpired(claims, Date.now())) {
        refuse(
          'This link has expired',
          'Ask the organizer of the negotiation for a new invitation.',
        );
        return;
      }
      if (claims.kind === 'invite') {
        // The link's one use: from now on this device holds the session, never the link.
        let joined: JoinResponse;
        try {
          joined = await joinOnce(roomId, token);
        } catch (error) {
          if (!answer(error) && !cancelled) {
            // Offline or server trouble: the invitation is kept, and reloading tries again.
            refuse(
              'The room cannot be reached',
              'Your invitation has not been used yet. Check your connection and reload the page.',
              false,
            );
          }
          return;
        }
        token = joined.token;
        tokenRef.current = token;
        localStorage.setItem(storageKey, token);
        claims = decodeTokenClaims(token);
        if (!claims || cancelled) return;
      }
      const session = token;
      const sessionClaims = claims;
      if (!roleHasParty(sessionClaims.role)) {
        // A mediator or observer is let in only once every party consented: ask before opening.
        try {
          const me = await getMe(roomId, session);
          if (!cancelled)
            setState({ kind: 'ready', token: session, claims: withMember(sessionClaims, me) });
        } catch (error) {
          if (!answer(error) && !cancelled)
            setState({ kind: 'ready', token: session, claims: sessionClaims });
        }
        return;
      }
      // The room opens at once from the token's claims; the server's answer about the member
      // arrives in parallel, corrects a changed role and closes the room if the link is no longer
      // valid.
      setState({ kind: 'ready', token: session, claims: sessionClaims });
      try {
        const me = await getMe(roomId, session);
        const current = withMember(sessionClaims, me);
        if (!cancelled && current !== sessionClaims)
          setState({ kind: 'ready', token: session, claims: current });
      } catch (error) {
        // Offline or server trouble: keep working from what this device kept; the header says so.
        answer(error);
      }
    };
    void open();
    return () => {
      cancelled = true;
    };
  }, [roomId, attempt]);

  if (state.kind === 'checking')
    return (
      <div className="page-loading" role="status">
        Opening the room…
      </div>
    );
  if (state.kind === 'refused') return <RefusedPage title={state.title} message={state.message} />;
  if (state.kind === 'waiting')
    return <ConsentWaitingPage declined={state.declined} message={state.message} onRetry={retry} />;
  return <RoomPage roomId={roomId} token={state.token} claims={state.claims} />;
}
