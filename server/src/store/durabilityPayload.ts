/** Deterministic bytes for the update with this seq, of varying length, so a reader can check them. */
export function durabilityPayload(seq: number): Uint8Array {
  const data = new Uint8Array(1 + ((seq * 37) % 600));
  for (let i = 0; i < data.length; i++) data[i] = (seq * 31 + i * 7) & 0xff;
  return data;
}
