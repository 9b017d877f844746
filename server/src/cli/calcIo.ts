// What `pnpm calc` talks to (files and output streams, so tests can run it in-process) and the
// exit statuses it promises.

export type CalcIo = {
  /** Directory that relative FILE arguments are resolved against. */
  cwd: string;
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
};

export const calcExit = { ok: 0, termSheetErrors: 1, badInput: 2 } as const;
