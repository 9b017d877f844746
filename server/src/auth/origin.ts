// Which browser origins may open the websocket endpoints: ALLOWED_ORIGINS when set, otherwise the
// server's own; a client that sends no Origin is not a browser and relies on its token alone.
export interface OriginPolicy {
  /** ALLOWED_ORIGINS; null means same origin only. */
  allowedOrigins: string[] | null;
  /** Origins the server itself is reached at (PUBLIC_URL, its listen address). */
  selfOrigins: () => string[];
}

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * Whether a websocket connection from `origin` may go on. Browsers always send Origin on
 * websocket and cross-site requests; a missing one is a non-browser client, which the token
 * alone authorises. `host` is the request's Host header when the caller knows it.
 */
export function isOriginAllowed(
  policy: OriginPolicy,
  origin: string | undefined,
  host?: string,
): boolean {
  if (origin === undefined || origin === '') return true;
  const normalized = originOf(origin);
  if (normalized === null) return false;
  if (policy.allowedOrigins !== null) {
    return policy.allowedOrigins.includes('*') || policy.allowedOrigins.includes(normalized);
  }
  if (host !== undefined && new URL(normalized).host === host) return true;
  return policy.selfOrigins().includes(normalized);
}

/** The origins a server listening on host:port answers to, loopback aliases included. */
export function listenOrigins(host: string, port: number): string[] {
  const loopback = ['127.0.0.1', 'localhost', '::1', '0.0.0.0', '::'];
  const hosts = loopback.includes(host) ? ['127.0.0.1', 'localhost', '[::1]'] : [host];
  return hosts.map((h) => `http://${h}:${port}`);
}
