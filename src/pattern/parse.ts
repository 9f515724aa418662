/**
 * Grammar → AST: reads one side of a pattern (`b (h 2) 1 ...`) or a whole `left -> right`
 * pattern, accepting exactly what einops accepts. Errors carry the 1-based column.
 *
 * The grammar, in einops' words:
 *   side        := (space* dim)* space*
 *   dim         := token | '(' (space* token)* space* ')'
 *   token       := name | number | '...'
 *   name        := identifier without a leading or trailing '_'   (a lone '_' in parseShape)
 *   number      := decimal digits; 1 is a unit axis (no axis at all), 0 is an error
 * Only the space character separates tokens, as in einops.
 */
import { EinopsError } from '../errors';
import type { Axis, CompositionDim, Dim, Expression, Pattern } from './ast';
import { axisNameProblem, decimalValue, isDecimal, TOKEN_CHARACTER } from './axisName';
import {
  type Side,
  writeArrowCountMessage,
  writeDuplicateAxisMessage,
  writeNestedParenthesesMessage,
  writeNonPositiveAnonymousAxisMessage,
  writeStrayDotsMessage,
  writeTwoEllipsesMessage,
  writeUnclosedParenthesisMessage,
  writeUnknownCharacterMessage,
  writeUnopenedParenthesisMessage,
} from './messages';

/** The single-character ellipsis; `...` is read as this, and einops accepts it written as is. */
const ELLIPSIS_CHAR = '\u2026';

export interface ParseOptions {
  /** parseShape: `_` is a name that may repeat and is skipped. */
  readonly allowUnderscore?: boolean;
  /** einsum's inputs: a name may repeat (a repeated axis takes the diagonal). */
  readonly allowDuplicates?: boolean;
  /** Column of the side's first character within the whole pattern (1-based). */
  readonly column?: number;
  /** Which side this is, for messages about duplicates. */
  readonly side?: Side;
}

/** A syntax error at a column; the op that called the parser adds the pattern and shape. */
export function syntaxError(reason: string, column: number): EinopsError {
  return new EinopsError(`${reason} (column ${column})`, { reason, column });
}

interface Token {
  readonly text: string;
  readonly column: number;
}

export function parseExpression(text: string, options: ParseOptions = {}): Expression {
  const base = options.column ?? 1;
  const side = options.side ?? 'left';
  const dims: Dim[] = [];
  const names = new Set<string>();
  let group: Axis[] | null = null;
  let groupColumn = 0;
  let ellipsisColumn = 0;
  let ellipsisParenthesized = false;

  const addToken = (token: Token): void => {
    const { text: word, column } = token;
    if (word === ELLIPSIS_CHAR || word === '...') {
      if (ellipsisColumn !== 0) throw syntaxError(writeTwoEllipsesMessage(), column);
      ellipsisColumn = column;
      if (group === null) dims.push({ kind: 'ellipsis', column });
      else {
        group.push({ kind: 'ellipsis', column });
        ellipsisParenthesized = true;
      }
      return;
    }
    if (isDecimal(word)) {
      const length = decimalValue(word);
      if (length === 1) {
        // A unit axis: a dimension of length 1 at the top level, nothing inside parentheses.
        if (group === null) dims.push({ kind: 'composition', axes: [], parenthesized: false, column });
        return;
      }
      if (length < 1) throw syntaxError(writeNonPositiveAnonymousAxisMessage(length), column);
      const axis: Axis = { kind: 'anonymous', length, column };
      if (group === null) dims.push({ kind: 'composition', axes: [axis], parenthesized: false, column });
      else group.push(axis);
      return;
    }
    const problem = axisNameProblem(word, options.allowUnderscore);
    if (problem !== undefined) throw syntaxError(problem, column);
    const isSkip = options.allowUnderscore === true && word === '_';
    if (names.has(word) && !isSkip && options.allowDuplicates !== true) throw syntaxError(writeDuplicateAxisMessage(word, side), column);
    names.add(word);
    const axis: Axis = { kind: 'named', name: word, column };
    if (group === null) dims.push({ kind: 'composition', axes: [axis], parenthesized: false, column });
    else group.push(axis);
  };

  let word = '';
  let wordColumn = 0;
  const flush = (): void => {
    if (word !== '') addToken({ text: word, column: wordColumn });
    word = '';
  };

  for (let i = 0; i < text.length; ) {
    const column = base + i;
    if (text.startsWith('...', i)) {
      if (word === '') wordColumn = column;
      word += '...';
      i += 3;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i)!);
    i += char.length;
    if (char === ' ' || char === '(' || char === ')') {
      flush();
      if (char === '(') {
        if (group !== null) throw syntaxError(writeNestedParenthesesMessage(), column);
        group = [];
        groupColumn = column;
      } else if (char === ')') {
        if (group === null) throw syntaxError(writeUnopenedParenthesisMessage(), column);
        const dim: CompositionDim = { kind: 'composition', axes: group, parenthesized: true, column: groupColumn };
        dims.push(dim);
        group = null;
      }
    } else if (char === '.') {
      throw syntaxError(writeStrayDotsMessage(), column);
    } else if (TOKEN_CHARACTER.test(char) || char === ELLIPSIS_CHAR) {
      if (word === '') wordColumn = column;
      word += char;
    } else {
      throw syntaxError(writeUnknownCharacterMessage(char), column);
    }
  }
  if (group !== null) throw syntaxError(writeUnclosedParenthesisMessage(), groupColumn);
  flush();

  return { text, dims, hasEllipsis: ellipsisColumn !== 0, ellipsisParenthesized };
}

/** Splits `left -> right` and parses both sides. */
export function parsePattern(text: string): Pattern {
  const parts = text.split('->');
  if (parts.length !== 2) {
    const column = parts.length > 2 ? parts[0]!.length + parts[1]!.length + 3 : 1;
    throw syntaxError(writeArrowCountMessage(parts.length - 1), column);
  }
  const [leftText, rightText] = parts as [string, string];
  const left = parseExpression(leftText, { column: 1, side: 'left' });
  const right = parseExpression(rightText, { column: leftText.length + 3, side: 'right' });
  return { text, left, right };
}
