/**
 * The one error type of the package. Every failure caused by a pattern, a shape or an
 * argument is an EinopsError, so callers can catch exactly einops' failures.
 *
 * `reason` is the bare explanation (the same words the type-level checker uses);
 * `message` adds where it happened: the op, the pattern, the input shape and axes.
 */
export declare class EinopsError extends Error {
    name: string;
    /** The explanation without context, e.g. `axis d appears only on the right side`. */
    readonly reason: string;
    /** 1-based column in the pattern of a syntax error, when there is one. */
    readonly column: number | undefined;
    constructor(message: string, options?: {
        reason?: string;
        column?: number;
    });
}
