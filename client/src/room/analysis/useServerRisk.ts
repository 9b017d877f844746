// Monte Carlo figures of the room's sheet from the server (the paths run on its engine threads),
// asked again once edits pause, one request at a time: a change during a request asks again after.
import type { MonteCarloAnalysis } from '@parley/shared/analysis';
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../lib/store';
import { useMediation } from '../mediation';
import { useRoom } from '../RoomContext';

/** The server's default: enough paths for stable percentiles, seeded so everyone sees the same. */
export const RISK_PATHS = 1000;
export const RISK_SEED = 1;
const RISK_DEBOUNCE_MS = 800;
const RETRY_MS = 1500;

export interface RiskState {
  data: MonteCarloAnalysis | null;
  pending: boolean;
  error: string | null;
}

export function useServerRisk(): RiskState {
  const { model, session } = useRoom();
  const online = useStore(session.state, (s) => s.connection === 'online');
  const { store } = useMediation();
  const revision = useStore(model.state, (s) => s.revision);
  const [state, setState] = useState<RiskState>({ data: null, pending: true, error: null });
  const asking = useRef(false);
  const again = useRef(false);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    const ask = async (): Promise<void> => {
      if (asking.current) {
        again.current = true;
        return;
      }
      asking.current = true;
      let offline = false;
      try {
        const data = await store.call('analysis:risk', { paths: RISK_PATHS, seed: RISK_SEED });
        if (alive.current) setState({ data, pending: false, error: null });
      } catch (error) {
        // The room's socket may connect a moment after its document: ask again shortly.
        offline = (error as { code?: unknown }).code === 'offline';
        if (alive.current)
          setState((s) => ({
            ...s,
            pending: false,
            error: error instanceof Error ? error.message : String(error),
          }));
      } finally {
        asking.current = false;
        if (again.current && alive.current) {
          again.current = false;
          void ask();
        } else if (offline && alive.current) {
          setTimeout(() => void ask(), RETRY_MS);
        }
      }
    };
    if (!online) {
      setState((s) => ({
        ...s,
        pending: false,
        error: 'Risk figures come from the server: they appear once you are back online.',
      }));
      return;
    }
    setState((s) => (s.pending ? s : { ...s, pending: true }));
    const timer = setTimeout(() => void ask(), RISK_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [revision, store, online]);

  return state;
}
