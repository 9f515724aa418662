/**
 * The reductions `reduce` takes by name, stated once: the type-level ops check against it and
 * the runtime's backends implement it (a leaf module, so the runtime's types do not pull in the
 * type-level parser).
 */
export type ReductionName = 'min' | 'max' | 'sum' | 'mean' | 'prod' | 'any' | 'all';
