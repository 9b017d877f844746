// The signed term sheet and the audit log as files the member saves: fetched with the member's
// token, so the server decides who may have them; a refusal comes back as its message.

/** Fetches the agreed term sheet with its signatures and saves it as a JSON file. */
export async function downloadAgreement(roomId: string, token: string): Promise<void> {
  const response = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/agreement`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok)
    throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  saveJson(body, `agreement-${roomId}.json`);
}

/** Fetches the hash-chained audit log (organizer and mediator) and saves it as a JSON file. */
export async function downloadAudit(roomId: string, token: string): Promise<void> {
  const response = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/audit`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json().catch(() => null)) as {
    error?: { message?: string };
  } | null;
  if (!response.ok) {
    throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  }
  saveJson(body, `audit-${roomId}.json`);
}

function saveJson(body: unknown, filename: string): void {
  const blob = new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
