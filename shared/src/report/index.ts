export { formatValueTable } from './valueTable';
export { currencyDigits, formatInteger, formatMinorUnits } from './money';
