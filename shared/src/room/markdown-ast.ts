// The clause-body document model: the TipTap schema agreed for clause bodies (StarterKit nodes
// and marks plus the inline atom `paramRef`), as plain data.

export const markNames = ['bold', 'italic', 'strike', 'code'] as const;
export type MarkName = (typeof markNames)[number];

export type InlineNode =
  | { type: 'text'; text: string; marks: MarkName[] }
  | { type: 'hardBreak' }
  | { type: 'paramRef'; path: string };

export type BlockNode =
  | { type: 'paragraph'; content: InlineNode[] }
  | { type: 'heading'; level: 1 | 2 | 3; content: InlineNode[] }
  | { type: 'bulletList'; items: BlockNode[][] }
  | { type: 'orderedList'; start: number; items: BlockNode[][] }
  | { type: 'blockquote'; content: BlockNode[] };

/** Marks in the order they nest, outermost first; code is innermost because it excludes others. */
export function sortMarks(marks: Iterable<MarkName>): MarkName[] {
  const set = new Set(marks);
  return markNames.filter((m) => set.has(m));
}
