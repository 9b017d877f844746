// The room's keyboard shortcuts in one list: the "?" dialog shows it, and the handlers follow it.
export interface Shortcut {
  keys: string[];
  what: string;
}

export const shortcuts: readonly { group: string; items: Shortcut[] }[] = [
  {
    group: 'Editing',
    items: [
      { keys: ['Ctrl', 'Z'], what: 'Undo your last change (text or a value)' },
      { keys: ['Ctrl', 'Shift', 'Z'], what: 'Redo' },
      { keys: ['Ctrl', 'Y'], what: 'Redo' },
      { keys: ['Enter'], what: 'Save the number you typed' },
      { keys: ['Esc'], what: 'Bring back the saved number while typing one' },
      { keys: ['Ctrl', 'B'], what: 'Bold (in clause text)' },
      { keys: ['Ctrl', 'I'], what: 'Italic (in clause text)' },
    ],
  },
  {
    group: 'Finding your way',
    items: [
      {
        keys: ['Ctrl', 'F'],
        what: 'Search the term sheet (press again for the browser’s own search)',
      },
      { keys: ['/'], what: 'Search the term sheet' },
      { keys: ['Enter'], what: 'Next match, in the search box' },
      { keys: ['Shift', 'Enter'], what: 'Previous match, in the search box' },
      { keys: ['?'], what: 'This list of shortcuts' },
      { keys: ['Esc'], what: 'Close a panel, dialog or the search' },
    ],
  },
  {
    group: 'Comments and mediation',
    items: [
      { keys: ['Ctrl', 'Enter'], what: 'Send a comment' },
      { keys: ['Enter'], what: 'Send a caucus message (Shift+Enter for a new line)' },
    ],
  },
];
