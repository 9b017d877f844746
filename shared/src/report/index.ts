export { formatValueTable } from './valueTable';
