export const TERMSHEET_FORMAT = 'parley.termsheet/v1';
