// The REST calls of the lawyer's tools: deciding on suggestions, versions, compare and downloads.
import type { DecideSuggestionRequest, DecideSuggestionResult } from '@parley/shared/suggestions';
import type {
  ExportFormat,
  SheetComparison,
  Version,
  VersionSummary,
} from '@parley/shared/versions';
import { ApiError } from '../../lib/api';

async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection.');
  }
  const json = (await response.json().catch(() => null)) as
    (T & { error?: { code?: string; message?: string } }) | null;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      json?.error?.code ?? `http-${response.status}`,
      json?.error?.message ?? `The server answered ${response.status}.`,
    );
  }
  return json as T;
}

const base = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}`;

export function decideSuggestion(token: string, roomId: string, request: DecideSuggestionRequest) {
  return call<DecideSuggestionResult>(
    token,
    'POST',
    `${base(roomId)}/suggestions/decision`,
    request,
  );
}

export async function listVersions(token: string, roomId: string): Promise<VersionSummary[]> {
  return (await call<{ versions: VersionSummary[] }>(token, 'GET', `${base(roomId)}/versions`))
    .versions;
}

export async function saveVersion(
  token: string,
  roomId: string,
  name: string,
): Promise<VersionSummary> {
  return (
    await call<{ version: VersionSummary }>(token, 'POST', `${base(roomId)}/versions`, { name })
  ).version;
}

export async function getVersion(token: string, roomId: string, id: string): Promise<Version> {
  return (
    await call<{ version: Version }>(
      token,
      'GET',
      `${base(roomId)}/versions/${encodeURIComponent(id)}`,
    )
  ).version;
}

export function restoreVersion(token: string, roomId: string, id: string) {
  return call<{
    proposals: { id: string; clauseId: string }[];
    skipped: { clauseId: string; title: string; reason: string }[];
  }>(token, 'POST', `${base(roomId)}/versions/${encodeURIComponent(id)}/restore`);
}

export function compare(token: string, roomId: string, from: string, to: string) {
  return call<{
    from: VersionSummary | null;
    to: VersionSummary | null;
    comparison: SheetComparison;
  }>(
    token,
    'GET',
    `${base(roomId)}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  );
}

/** Downloads an export through the browser, named as the server names it. */
export async function downloadExport(
  token: string,
  roomId: string,
  format: ExportFormat,
  against: string | null,
): Promise<string> {
  const query = `format=${format}${against === null ? '' : `&against=${encodeURIComponent(against)}`}`;
  const response = await fetch(`${base(roomId)}/export?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    const json = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiError(
      response.status,
      json?.error?.code ?? 'http',
      json?.error?.message ?? 'The export failed.',
    );
  }
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    `term-sheet.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
