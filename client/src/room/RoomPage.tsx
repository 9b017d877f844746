// The room itself: opens the session and the live model for a token, provides them with the
// comments and mediation stores, and lays out header, outline, clauses and value panel.
import { can, canEditDocument, memberColor } from '@parley/shared/permissions';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { justCreatedKey } from '../lib/enterRoom';
import { useShallow, useStore } from '../lib/store';
import type { TokenClaims } from '../lib/token';
import { tokenStorageKey } from '../lib/token';
import { AssumptionsEditor } from './assumptions/AssumptionsEditor';
import { ClauseBlock } from './clause/ClauseBlock';
import { CommentsProvider, RoomCommentsPanel } from './comments';
import { RoomHeader } from './header/RoomHeader';
import { ConsentRequests } from './invites/ConsentRequests';
import {
  MediationBar,
  MediationPanel,
  MediationProvider,
  MediationToasts,
  useMediation,
  VoidConfirmDialog,
} from './mediation';
import { MobileTabs } from './layout/MobileTabs';
import { rememberRoom } from '../lib/recentRooms';
import { useRoomShortcuts } from './shortcuts/useRoomShortcuts';
import { ClauseOutline } from './outline/ClauseOutline';
import { RefusedPage } from './RefusedPage';
import { ActivityStore } from './activity/activityStore';
import { RoomHistory } from './history';
import { RoomContext, useRoom } from './RoomContext';
import type { RoomContextValue } from './RoomContext';
import { RoomModel } from './roomModel';
import { RoomUi } from './roomUi';
import { RoomSession } from './session';
import { ValuePanel } from './value/ValuePanel';
import './layout/layout.css';
import { SinceLastVisitPanel } from './visit';

const ShortcutsDialog = lazy(() => import('./shortcuts/ShortcutsDialog'));
// Only organizers invite, and only when they ask to: the dialog loads then.
const InvitesDialog = lazy(() =>
  import('./invites/InvitesDialog').then((m) => ({ default: m.InvitesDialog })),
);
const SheetSearch = lazy(() => import('./search/SheetSearch'));

interface RoomPageProps {
  roomId: string;
  token: string;
  claims: TokenClaims;
}

interface OpenRoom {
  session: RoomSession;
  model: RoomModel;
  history: RoomHistory;
  activity: ActivityStore;
}

export function RoomPage({ roomId, token, claims }: RoomPageProps) {
  const [room, setRoom] = useState<OpenRoom | null>(null);
  const [ui] = useState(() => new RoomUi());

  useEffect(() => {
    // Built from the token alone, so that the room does not wait for the server's member record;
    // the server stamps the real name, party and colour on everything others see.
    const session = new RoomSession(roomId, token, {
      memberId: claims.sub,
      name: claims.name,
      role: claims.role,
      partyId: claims.party,
      color: memberColor(claims.role, null),
    });
    const activity = new ActivityStore(session.socket, claims.sub);
    const stopActivity = activity.attach();
    let model = new RoomModel(session.doc);
    let history = new RoomHistory(session.doc);
    setRoom({ session, model, history, activity });
    // After a refused write the session syncs a fresh copy of the document: every view rebinds.
    const stopWatching = session.state.subscribe((state, previous) => {
      if (state.doc === previous.doc) return;
      model.destroy();
      history.destroy();
      model = new RoomModel(state.doc);
      history = new RoomHistory(state.doc);
      setRoom({ session, model, history, activity });
    });
    return () => {
      stopWatching();
      stopActivity();
      history.destroy();
      model.destroy();
      session.destroy();
    };
  }, [roomId, token, claims]);

  const value = useMemo<RoomContextValue | null>(() => {
    if (!room) return null;
    const role = claims.role;
    return {
      roomId,
      token,
      session: room.session,
      model: room.model,
      history: room.history,
      activity: room.activity,
      ui,
      canEdit: canEditDocument(role),
      canManageInvites: can(role, 'manage-invites'),
    };
  }, [room, roomId, token, claims, ui]);

  if (!value)
    return (
      <div className="page-loading" role="status">
        Opening the room…
      </div>
    );
  return (
    <RoomContext.Provider value={value}>
      <CommentsProvider>
        <MediationProvider>
          <RoomLayout />
        </MediationProvider>
      </CommentsProvider>
    </RoomContext.Provider>
  );
}

function RoomLayout() {
  const { roomId, canEdit, session, model, history, ui } = useRoom();
  const { store: mediation } = useMediation();
  const mediationOpen = useStore(mediation.state, (s) => s.panel.open);
  const { pane, searchOpen, shortcutsOpen } = useStore(
    ui.state,
    useShallow(({ pane, searchOpen, shortcutsOpen }) => ({ pane, searchOpen, shortcutsOpen })),
  );
  useRoomShortcuts(history, ui, canEdit);
  // Presence and save state change often and are drawn by the header alone: not read here.
  const status = useStore(
    session.state,
    useShallow(({ ended, synced, localLoaded, connection }) => ({
      ended,
      synced,
      localLoaded,
      connection,
    })),
  );
  const { sheet, issues } = useStore(
    model.state,
    useShallow(({ sheet, issues }) => ({ sheet, issues })),
  );
  const [shareOpen, setShareOpen] = useState(false);

  useEffect(() => {
    if (sessionStorage.getItem(justCreatedKey(roomId))) {
      sessionStorage.removeItem(justCreatedKey(roomId));
      setShareOpen(true);
    }
  }, [roomId]);

  useEffect(() => {
    document.title = `${sheet.title} · Parley`;
  }, [sheet.title]);

  // The lobby lists the rooms opened in this browser, by the title they had when last seen.
  const synced = status.synced;
  useEffect(() => {
    if (synced) rememberRoom(localStorage, { roomId, title: sheet.title, role: session.user.role });
  }, [synced, roomId, sheet.title, session.user.role]);

  useEffect(() => {
    if (status.ended && (status.ended.code === 'revoked' || status.ended.code === 'unauthorized'))
      localStorage.removeItem(tokenStorageKey(roomId));
  }, [status.ended, roomId]);

  const shared = useMemo(() => {
    const revenue = sheet.clauses.find((c) => c.kind === 'revenue');
    const drivers = sheet.assumptions.scenarios.flatMap((s) => Object.keys(s.drivers));
    return JSON.stringify([
      sheet.parties,
      sheet.currency,
      revenue?.params.streams ?? null,
      drivers,
    ]);
  }, [sheet]);

  if (status.ended) {
    const revoked = status.ended.code === 'revoked';
    return (
      <RefusedPage
        title={revoked ? 'This invitation was revoked' : 'You are no longer in this room'}
        message={status.ended.message}
      />
    );
  }

  const ready =
    status.synced ||
    (status.localLoaded && sheet.clauses.length > 0) ||
    (status.connection === 'offline' && status.localLoaded);

  return (
    <div className={`room${canEdit ? '' : ' is-readonly'}`}>
      <a className="skip-link" href="#clauses">
        Skip to the clauses
      </a>
      <RoomHeader onShare={() => setShareOpen(true)} />
      {!ready ? (
        <div className="room-loading" role="status">
          <div className="spinner" aria-hidden="true" />
          Loading the term sheet…
        </div>
      ) : (
        <div
          className={`room-body pane-${pane}${mediationOpen ? ' has-mediation' : ''}`}
          data-ready="true"
        >
          <ClauseOutline />
          <main className="clauses" id="clauses" aria-label="Term sheet">
            <MediationBar />
            {sheet.clauses.length === 0 && (
              <div className="empty-state">
                <h2>No clauses yet</h2>
                <p>
                  Add the first clause from the outline, for example the parties or the value
                  sharing.
                </p>
              </div>
            )}
            {sheet.clauses.map((clause, index) => {
              const clauseIssues = issues.filter((i) => i.clauseId === clause.id);
              return (
                <ClauseBlock
                  key={clause.id}
                  clause={clause}
                  index={index}
                  sheet={sheet}
                  issues={clauseIssues}
                  renderKey={`${shared}|${JSON.stringify(clause)}|${JSON.stringify(clauseIssues)}`}
                />
              );
            })}
            <AssumptionsEditor
              sheet={sheet}
              issues={issues}
              renderKey={JSON.stringify([
                sheet.assumptions,
                sheet.currency,
                issues.filter((i) => i.path.startsWith('assumptions')),
              ])}
            />
          </main>
          <ValuePanel />
          <MediationPanel />
        </div>
      )}
      {ready && searchOpen && (
        <Suspense fallback={null}>
          <SheetSearch />
        </Suspense>
      )}
      {ready && <RoomCommentsPanel />}
      {ready && <SinceLastVisitPanel />}
      {ready && <MobileTabs />}
      {shortcutsOpen && (
        <Suspense fallback={null}>
          <ShortcutsDialog />
        </Suspense>
      )}
      <MediationToasts />
      <VoidConfirmDialog />
      <ConsentRequests />
      {shareOpen && (
        <Suspense fallback={null}>
          <InvitesDialog open onClose={() => setShareOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
