// The bottom bar of a narrow screen: one pane at a time, Clauses, Value, Comments or Mediation,
// so nothing sits thousands of pixels down the page.
import { useShallow, useStore } from '../../lib/store';
import { useCommentsStore } from '../comments/CommentsContext';
import { useMediation } from '../mediation';
import { useRoom } from '../RoomContext';

type Tab = 'clauses' | 'value' | 'comments' | 'mediation';

export function MobileTabs() {
  const { ui } = useRoom();
  const comments = useCommentsStore();
  const { store: mediation } = useMediation();
  const pane = useStore(ui.state, (s) => s.pane);
  const { commentsOpen, unread } = useStore(
    comments.state,
    useShallow((s) => ({ commentsOpen: s.roomPanelOpen, unread: s.unread.total })),
  );
  const mediationOpen = useStore(mediation.state, (s) => s.panel.open);
  const active: Tab = mediationOpen ? 'mediation' : commentsOpen ? 'comments' : pane;

  const show = (tab: Tab) => {
    comments.setRoomPanelOpen(tab === 'comments');
    mediation.setPanelOpen(tab === 'mediation');
    if (tab === 'clauses' || tab === 'value') ui.showPane(tab);
    window.scrollTo({ top: 0 });
  };

  const tabs: { id: Tab; label: string }[] = [
    { id: 'clauses', label: 'Clauses' },
    { id: 'value', label: 'Value' },
    { id: 'comments', label: 'Comments' },
    { id: 'mediation', label: 'Mediation' },
  ];
  return (
    <nav className="mobile-tabs" aria-label="Room sections">
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          className={`mobile-tab${active === tab.id ? ' is-on' : ''}`}
          aria-current={active === tab.id ? 'page' : undefined}
          onClick={() => show(tab.id)}
        >
          {tab.label}
          {tab.id === 'comments' && unread > 0 && (
            <span className="count-badge" aria-label={`${unread} unread`}>
              {unread}
            </span>
          )}
        </button>
      ))}
    </nav>
  );
}
