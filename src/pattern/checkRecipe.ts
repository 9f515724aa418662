/**
 * Checks a Recipe that comes from outside the program (a saved model's config, JSON from a
 * file) against the pattern it claims to be compiled from, without the parser: the code that
 * runs precompiled recipes (the lean layers) must not trust a value it did not compile, and
 * cannot compile one either.
 *
 * What is checked makes the recipe the one {@link compileRecipe} gives for (op, pattern) when
 * the pattern is valid: the pattern's tokens, split the way the grammar splits them, spell the
 * recipe's dimensions; the axes are numbered as the compiler numbers them (left side first, in
 * order); a named axis has one id and an anonymous one a length equal to its name; and the
 * sides relate as the op requires. A recipe that passes runs exactly like a compiled one.
 */
import { EinopsError } from '../errors';
import { writeRecipeMismatchMessage } from './messages';
import { checkRecipeVersion, ELLIPSIS, type Recipe, type RecipeDim, type RecipeOp } from './recipe';

/** One dimension as the pattern's text spells it: its axis names, or the bare ellipsis. */
type SpelledDim = readonly string[] | '...';

const ELLIPSIS_TOKEN = '...';

/**
 * A side of a pattern as dimensions of tokens: `b (h 2) 1 …` → [['b'], ['h', '2'], [], '...'].
 * A number is named by its value (`02` is the axis `2`); `1` is a unit axis, no axis at all.
 */
function spellSide(text: string): SpelledDim[] | undefined {
  const tokens = text.replace(/\u2026/g, ELLIPSIS_TOKEN).match(/[()]|[^ ()]+/g) ?? [];
  const dims: SpelledDim[] = [];
  let group: string[] | null = null;
  for (const token of tokens) {
    if (token === '(') {
      if (group !== null) return undefined;
      group = [];
    } else if (token === ')') {
      if (group === null) return undefined;
      dims.push(group);
      group = null;
    } else if (group === null && token === ELLIPSIS_TOKEN) {
      dims.push(ELLIPSIS_TOKEN);
    } else {
      const name = /^[0-9]+$/.test(token) ? String(Number(token)) : token;
      if (name !== '1') (group ?? (dims[dims.push([]) - 1] as string[])).push(name);
      else if (group === null) dims.push([]);
    }
  }
  return group === null ? dims : undefined;
}

function spellRecipeSide(dims: readonly RecipeDim[], axes: readonly string[]): SpelledDim[] {
  return dims.map((dim) => (dim === ELLIPSIS ? ELLIPSIS_TOKEN : dim.map((id) => (id === ELLIPSIS ? ELLIPSIS_TOKEN : axes[id]!))));
}

const sameSpelling = (a: readonly SpelledDim[], b: readonly SpelledDim[]): boolean =>
  a.length === b.length && a.every((dim, i) => (typeof dim === 'string' ? dim === b[i] : typeof b[i] !== 'string' && dim.join(' ') === (b[i] as string[]).join(' ')));

const isIdList = (value: unknown, axisCount: number): value is readonly number[] =>
  Array.isArray(value) && value.every((id) => id === ELLIPSIS || (Number.isInteger(id) && id >= 0 && id < axisCount));

const isSide = (value: unknown, axisCount: number): value is readonly RecipeDim[] =>
  Array.isArray(value) && value.every((dim) => dim === ELLIPSIS || isIdList(dim, axisCount));

/** Why `value` is not the recipe of (op, pattern), or undefined when it is. */
function recipeProblem(value: Partial<Record<keyof Recipe, unknown>>, op: RecipeOp, pattern: string): string | undefined {
  if (value.op !== op) return `it is a ${String(value.op)} recipe, not a ${op} one`;
  if (value.pattern !== pattern) return `it is compiled from "${String(value.pattern)}"`;
  const { axes, lengths, left, right } = value;
  if (!Array.isArray(axes) || !axes.every((name) => typeof name === 'string')) return 'its axes are not a list of names';
  if (!Array.isArray(lengths) || lengths.length !== axes.length) return 'its lengths do not match its axes';
  if (!isSide(left, axes.length) || !isSide(right, axes.length)) return 'its sides are not lists of axis ids';

  const sides = pattern.split('->');
  const spelled = sides.length === 2 ? [spellSide(sides[0]!), spellSide(sides[1]!)] : [];
  const [spelledLeft, spelledRight] = spelled;
  if (spelledLeft === undefined || spelledRight === undefined) return 'the pattern is not one it could be compiled from';
  if (!sameSpelling(spellRecipeSide(left, axes), spelledLeft) || !sameSpelling(spellRecipeSide(right, axes), spelledRight)) {
    return 'its dimensions are not the pattern\'s';
  }

  // Ids in the compiler's order: each new axis takes the next id, the left side's first. A
  // named axis keeps its id on both sides; an anonymous one is used once.
  const isAnonymous = (id: number): boolean => /^[0-9]+$/.test(axes[id]!);
  const used = new Set<number>();
  for (const side of [left, right]) {
    const inSide = new Set<number>();
    for (const id of side.flatMap((dim) => (dim === ELLIPSIS ? [] : dim.filter((axis) => axis !== ELLIPSIS)))) {
      if (inSide.has(id) || (used.has(id) && isAnonymous(id))) return `axis ${axes[id]} appears twice`;
      if (!used.has(id) && id !== used.size) return 'its axes are not numbered in order';
      const length = isAnonymous(id) ? Number(axes[id]) : -1;
      if (lengths[id] !== length || length === 0 || length === 1) return `axis ${axes[id]} has the wrong length`;
      inSide.add(id);
      used.add(id);
    }
    if (side.flat().filter((id) => id === ELLIPSIS).length > 1) return 'it has two ellipses on one side';
  }
  const named = axes.filter((_, id) => !isAnonymous(id));
  if (used.size !== axes.length || new Set(named).size !== named.length) return "its axes are not the pattern's";

  // The sides' axes relate as the op allows (compileRecipe's checks, on ids).
  const idsOf = (side: readonly RecipeDim[]): Set<number> => new Set(side.flatMap((dim) => (dim === ELLIPSIS ? [ELLIPSIS] : dim)));
  const leftIds = idsOf(left);
  const rightIds = idsOf(right);
  const within = (a: Set<number>, b: Set<number>): boolean => [...a].every((id) => b.has(id));
  const fits =
    op === 'rearrange'
      ? within(leftIds, rightIds) && within(rightIds, leftIds) && lengths.every((length) => length === -1)
      : op === 'reduce'
        ? within(rightIds, leftIds)
        : within(leftIds, rightIds);
  if (!fits || (rightIds.has(ELLIPSIS) && !leftIds.has(ELLIPSIS))) return `its sides do not make a ${op} pattern`;
  if (left.some((dim) => dim !== ELLIPSIS && dim.includes(ELLIPSIS))) return 'its left side has the ellipsis in parentheses';
  return undefined;
}

/**
 * `value` as the Recipe of (op, pattern), after checking that it is exactly what compiling the
 * pattern gives. Throws an {@link EinopsError} saying what does not match.
 */
export function checkRecipe(value: unknown, op: RecipeOp, pattern: string): Recipe {
  if (typeof value !== 'object' || value === null) throw new EinopsError(writeRecipeMismatchMessage(pattern, `it is ${value === null ? 'null' : typeof value}`));
  const recipe = value as Partial<Record<keyof Recipe, unknown>>;
  checkRecipeVersion(recipe);
  const problem = recipeProblem(recipe, op, pattern);
  if (problem !== undefined) throw new EinopsError(writeRecipeMismatchMessage(pattern, problem));
  return value as Recipe;
}
