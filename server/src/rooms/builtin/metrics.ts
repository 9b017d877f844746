// Room metrics for /metrics: stored updates and append latency, counted where they happen.
import { collabMetrics } from '../../metrics';
import type { RoomHook } from '../hooks';

export function metricsHook(): RoomHook {
  return {
    name: 'metrics',
    afterStore(_room, change) {
      collabMetrics.appendSeconds.observe(change.appendMs / 1000);
      collabMetrics.updatesStored.inc();
    },
  };
}
