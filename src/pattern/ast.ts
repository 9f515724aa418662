/**
 * The syntax tree of one side of a pattern, e.g. `b (h 2) 1 ...`.
 *
 * A side is a list of dimensions. Each dimension is either a composition of elementary
 * axes (`b` is a composition of one axis, `(h 2)` of two, `1` and `()` of none) or the bare
 * ellipsis `...`, which stands for any number of dimensions. Columns are 1-based offsets into
 * the whole pattern string, so errors can point at them.
 */

export interface NamedAxis {
  readonly kind: 'named';
  readonly name: string;
  readonly column: number;
}

/** A number such as `2` in `(h 2)`: an axis of that length without a name. Never 1. */
export interface AnonymousAxis {
  readonly kind: 'anonymous';
  readonly length: number;
  readonly column: number;
}

/** `...` inside parentheses, as in `(...)` or `(a ...)` on the right side. */
export interface EllipsisAxis {
  readonly kind: 'ellipsis';
  readonly column: number;
}

export type Axis = NamedAxis | AnonymousAxis | EllipsisAxis;

/** A dimension written as a name, a number, `1`, or `( … )`. */
export interface CompositionDim {
  readonly kind: 'composition';
  readonly axes: readonly Axis[];
  /** Written with parentheses. `1` and `()` both have no axes; only `()` is parenthesised. */
  readonly parenthesized: boolean;
  readonly column: number;
}

/** A bare `...` at the top level of a side: zero or more dimensions. */
export interface EllipsisDim {
  readonly kind: 'ellipsis';
  readonly column: number;
}

export type Dim = CompositionDim | EllipsisDim;

export interface Expression {
  /** The side's own text, as written. */
  readonly text: string;
  readonly dims: readonly Dim[];
  /** Whether `...` appears anywhere on this side (top level or in parentheses). */
  readonly hasEllipsis: boolean;
  /** Whether that `...` is inside parentheses. */
  readonly ellipsisParenthesized: boolean;
}

export interface Pattern {
  readonly text: string;
  readonly left: Expression;
  readonly right: Expression;
}
