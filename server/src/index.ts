// What the @parley/server package exports to the tests: the server itself, its configuration from
// the environment, and the token service.
export { createParleyServer } from './app';
export type { ParleyServer, ParleyServerOptions } from './app';
export { loadConfig, ConfigError, logLevels } from './config';
export type { Config, Env, LogLevel } from './config';
export { createTokenService } from './auth';
export type { TokenService } from './auth';
