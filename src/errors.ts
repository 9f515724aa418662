/**
 * The one error type of the package. Every failure caused by a pattern, a shape or an
 * argument is an EinopsError, so callers can catch exactly einops' failures.
 *
 * `reason` is the bare explanation (the same words the type-level checker uses);
 * `message` adds where it happened: the op, the pattern, the input shape and axes.
 * @example
 * ```ts
 * import { EinopsError, rearrange, tensor } from 'einops';
 *
 * const x = tensor(new Float32Array(6), [2, 3]);
 * try {
 *   rearrange(x, 'a b -> a b c' as string); // `as string`: a literal would be a type error
 * } catch (error) {
 *   if (!(error instanceof EinopsError)) throw error;
 *   error.reason; // 'axis c appears only on the right side'
 * }
 * ```
 */
export class EinopsError extends Error {
  override name = 'EinopsError';
  /** The explanation without context, e.g. `axis d appears only on the right side`. */
  readonly reason: string;
  /** 1-based column in the pattern of a syntax error, when there is one. */
  readonly column: number | undefined;

  constructor(message: string, options?: { reason?: string; column?: number }) {
    super(message);
    this.reason = options?.reason ?? message;
    this.column = options?.column;
  }
}
