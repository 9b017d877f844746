// The server's pino logger, set to redact tokens wherever requests carry them (Authorization
// header, the /collab query string), so no log holds a key to a room.
import { pino } from 'pino';
import type { Logger } from 'pino';
import type { LogLevel } from './config';

export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    // Tokens travel in Authorization headers and the /collab query string: never log them.
    redact: ['req.headers.authorization', 'req.query.token', 'token'],
  });
}
