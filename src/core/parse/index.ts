/** Array literals: reading them from code and config text, and writing tensors back as literals. */
export { parseLiteral, type ParsedLiteral, type LiteralSource } from './literal';
export { parseLiterals } from './literals';
export { assignLossRoles, roleOfName, type LossRole } from './roles';
export { formatLiteral, formatNumber, LITERAL_STYLES, type FormatLiteralOptions, type LiteralStyle } from './format';
export { positionAt, errorRange, type TextRange } from './position';
export { parseMessages } from './messages';
