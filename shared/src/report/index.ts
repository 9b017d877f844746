// Plain-text reports of value results, for the command line and logs.
export { formatValueTable } from './valueTable';
