import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { COMMENT_RATE_BURST, COMMENT_RATE_PER_MINUTE } from '@parley/shared/comments';
import { memberColor } from '@parley/shared/permissions';
import { MAX_REST_BODY_BYTES } from '@parley/shared/protocol';
import type { Config } from './config';
import { createLogger } from './logger';
import { serverMetrics } from './metrics';
import { createStore } from './store';
import type { Store } from './store';
import { attachCollab } from './collab';
import type { Authenticate, CollabHandle, CollabLimits } from './collab';
import { createRoomRuntime } from './rooms';
import type { RoomRuntime } from './rooms';
import { metricsHook, touchedClausesHook } from './rooms/builtin';
import { saveStatusHook } from './realtime/saveStatusHook';
import { proposalStalenessHook, signOffVoidingHook } from './mediation/agreementHooks';
import { governanceWriteRules } from './mediation/writeRules';
import { createAuthenticator, createTokenService, listenOrigins } from './auth';
import type { OriginPolicy } from './auth';
import { ServiceError } from './services';
import type { ServiceContext } from './services';
import {
  installErrorHandling,
  registerClientRoutes,
  registerHealthRoutes,
  registerInviteRoutes,
  registerRoomRoutes,
  registerTemplateRoutes,
} from './http';
import { attachRealtime } from './realtime';
import { createAgreement } from './mediation/agreement';
import { registerAgreementRoutes } from './http/routes/agreement';
import { commentsRealtime } from './realtime/comments-realtime';
import { CommentsService } from './comments';
import type { RateLimitOptions } from './comments';
import { registerCommentRoutes, registerGovernanceRoutes } from './http/routes';
import type { Realtime } from './realtime';
import { AuditLog } from './mediation/audit';
import { RoomModes } from './mediation/roomMode';
import { silentGovernancePublisher } from './mediation/roomModeDeps';
import type { GovernanceDeps, GovernancePublisher } from './mediation/roomModeDeps';
import { governanceRealtime } from './realtime/governance';

export interface ParleyServerOptions {
  logger?: Logger;
  /** A store to use instead of the one the config describes (it is migrated and closed here). */
  store?: Store;
  /** Where the built client lives; defaults to client/dist of this checkout. */
  clientDir?: string;
  collabLimits?: CollabLimits;
  /** How long idle rooms stay loaded and when their updates are compacted. */
  roomLimits?: { idleUnloadMs?: number; compactThreshold?: number };
  /** Per-member limit on comment writes (Socket.IO and REST together). */
  commentRateLimit?: RateLimitOptions;
}

export interface ParleyServer {
  /** http://host:port the server listens on. */
  url: string;
  port: number;
  store: Store;
  collab: CollabHandle;
  rooms: RoomRuntime;
  realtime: Realtime;
  /** The rooms' hash-chained audit log. */
  audit: AuditLog;
  /** Mediation mode, locks and agenda of each room. */
  modes: RoomModes;
  logger: Logger;
  /** Stops accepting, ends every connection, flushes the collab rooms, closes the store. */
  close(): Promise<void>;
}

const defaultClientDir = fileURLToPath(new URL('../../client/dist', import.meta.url));

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function createParleyServer(
  config: Config,
  options: ParleyServerOptions = {},
): Promise<ParleyServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = serverMetrics();
  const store =
    options.store ??
    createStore({
      ...(config.databaseUrl !== null
        ? { kind: 'postgres' as const, databaseUrl: config.databaseUrl }
        : { kind: 'sqlite' as const, dataDir: config.dataDir }),
      onQuery: (op, ms, ok) => {
        metrics.storeSeconds.observe({ op, ok: String(ok) }, ms / 1000);
        if (!ok) metrics.errors.inc({ source: 'store' });
      },
    });
  await store.migrate();

  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: MAX_REST_BODY_BYTES,
  });
  let url = `http://${urlHost(config.host)}:${config.port}`;
  const origins: OriginPolicy = {
    allowedOrigins: config.allowedOrigins,
    selfOrigins: () => [
      ...(config.publicUrl !== null ? [new URL(config.publicUrl).origin] : []),
      ...listenOrigins(config.host, Number(new URL(url).port)),
    ],
  };
  const tokens = createTokenService(config.secret);
  const auth = createAuthenticator({ store, tokens, origins });

  const collabAuthenticate: Authenticate = (roomId, token, origin, host) =>
    auth.authenticate(roomId, token, origin, host);
  const rooms = createRoomRuntime({
    store,
    logger,
    idleUnloadMs: config.roomIdleUnloadMs,
    ...options.roomLimits,
  });
  const collab = attachCollab({
    server: app.server,
    rooms,
    authenticate: collabAuthenticate,
    logger,
    memberColor: (member, partyIndex) => memberColor(member.role, partyIndex),
    ...(options.collabLimits ? { limits: options.collabLimits } : {}),
  });

  const audit = new AuditLog(store);
  const modes = new RoomModes(store);
  const getDoc = async (roomId: string) => {
    try {
      return await rooms.getDoc(roomId);
    } catch (error) {
      logger.error({ err: error, roomId }, 'room could not be loaded');
      metrics.errors.inc({ source: 'collab' });
      throw new ServiceError(
        503,
        'unavailable',
        'The room could not be loaded; try again shortly.',
      );
    }
  };

  let governancePublisher: GovernancePublisher = silentGovernancePublisher;
  const governance: GovernanceDeps = {
    store,
    audit,
    modes,
    getDoc,
    publisher: () => governancePublisher,
    now: () => Date.now(),
  };
  const comments = new CommentsService({
    store,
    getDoc,
    now: () => Date.now(),
    rateLimit: options.commentRateLimit ?? {
      burst: COMMENT_RATE_BURST,
      perMinute: COMMENT_RATE_PER_MINUTE,
    },
  });

  const agreement = createAgreement({
    store,
    getDoc,
    applyServerChange: (roomId, change, attribution) =>
      rooms.applyServerChange(roomId, change, attribution),
    audit: async (roomId, entry) => {
      await audit.append(roomId, entry);
    },
    mediationMode: async (roomId) => (await modes.getMediationState(roomId)).mode,
    now: () => Date.now(),
  });

  const realtime = attachRealtime({
    httpServer: app.server,
    auth,
    tokens,
    origins,
    store,
    getDoc,
    logger,
    onConnectionsChanged: (delta) => metrics.socketConnections.inc(delta),
    onError: () => metrics.errors.inc({ source: 'socketio' }),
    features: [
      commentsRealtime(comments, logger),
      agreement.realtime,
      governanceRealtime(governance, (publisher) => {
        governancePublisher = publisher;
      }),
    ],
  });
  rooms.register([
    touchedClausesHook(),
    governanceWriteRules(modes, store),
    metricsHook(),
    saveStatusHook((roomId, clocks) => realtime.stored(roomId, clocks)),
    proposalStalenessHook(agreement.services.proposals, (error, roomId) =>
      logger.warn({ err: error, roomId }, 'proposals not rechecked after a document change'),
    ),
    signOffVoidingHook(agreement.services.signOffs),
  ]);

  const services: ServiceContext = {
    store,
    tokens,
    getDoc,
    publicUrl: () => config.publicUrl ?? url,
    disconnectMember: (roomId: string, memberId: string) => {
      collab.disconnectMember(roomId, memberId);
      realtime.disconnectMember(roomId, memberId, {
        code: 'revoked',
        message: 'Your invite to this room was revoked.',
      });
    },
    now: () => Date.now(),
    audit: (roomId, entry) => audit.append(roomId, entry),
  };

  installErrorHandling(app, () => metrics.errors.inc({ source: 'http' }));
  registerHealthRoutes(app, metrics.registry);
  registerTemplateRoutes(app);
  registerRoomRoutes(app, { services, auth });
  registerInviteRoutes(app, { services, auth });
  registerCommentRoutes(app, { auth, comments });
  registerGovernanceRoutes(app, { auth, governance });
  registerAgreementRoutes(app, { auth, ...agreement.services });
  await registerClientRoutes(app, options.clientDir ?? defaultClientDir);

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await collab.close().catch(() => undefined);
    await rooms.close().catch(() => undefined);
    await realtime.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  url = `http://${urlHost(config.host)}:${address.port}`;
  logger.info({ url, store: store.kind }, 'Parley is listening');

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      // Stop accepting first, then end the live connections that keep the server open.
      const httpClosed = app.close();
      agreement.close();
      let failed = false;
      const step = async (what: string, fn: () => Promise<unknown>) => {
        try {
          await fn();
        } catch (error) {
          logger.error({ err: error }, `${what} failed while stopping`);
          failed = true;
        }
      };
      comments.stop();
      await step('closing Socket.IO', () => realtime.close());
      // Flushes every pending document update to the store before the store closes.
      await step('closing /collab', () => collab.close());
      await step('unloading the rooms', () => rooms.close());
      await step('closing HTTP', () => httpClosed);
      await step('closing the store', () => store.close());
      if (failed) throw new Error('Parley stopped with errors; see the log above.');
      logger.info('Parley stopped');
    })();
    return closing;
  };

  return { url, port: address.port, store, collab, rooms, realtime, audit, modes, logger, close };
}
