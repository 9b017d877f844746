export { TERMSHEET_FORMAT } from '@parley/shared';
