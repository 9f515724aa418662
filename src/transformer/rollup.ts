/**
 * `einops/rollup`: the transformer as a Rollup plugin, which Vite takes as is (`enforce: 'pre'`
 * runs it on the TypeScript source, before Vite strips the types). Invalid patterns fail the
 * build at their `file:line:col`, or are warnings with `warn: true`. See {@link default}.
 * @module einops/rollup
 */
import { createFilter, type FilterPattern } from './filter';
import { createTransformer, type Diagnostic, type EncodedSourceMap, PrecompileError, type TransformerStats, type TransformOptions } from './transform';

export type { FilterPattern } from './filter';

/** Options of the plugin: which files, and the transformer's options. */
export interface EinopsPluginOptions extends TransformOptions {
  /** Files to transform: globs or regular expressions. Default: every JavaScript and TypeScript file. */
  readonly include?: FilterPattern;
  /** Files to leave alone. Default: `node_modules`. */
  readonly exclude?: FilterPattern;
}

/** A located message, as Rollup's and Vite's `this.error` and `this.warn` take it (column 0-based). */
export interface PluginLog {
  message: string;
  id?: string;
  loc?: { file?: string; line: number; column: number };
}

/** The part of Rollup's and Vite's plugin context the plugin uses. */
export interface PluginContext {
  /** Fails the build with the located message. */
  error(log: PluginLog): never;
  /** Reports the located message and goes on. */
  warn(log: PluginLog): void;
}

/** The plugin object: a Rollup plugin that Vite takes as it is. */
export interface EinopsPlugin {
  name: 'einops';
  enforce: 'pre';
  /** For tools and tests: how much the plugin has done so far (Vite's convention for a plugin's own API). */
  api: { readonly stats: Readonly<TransformerStats> };
  /** Precompiles the einops calls of one module: its new code and map, or null when nothing changed. */
  transform(this: PluginContext, code: string, id: string): { code: string; map: EncodedSourceMap | undefined } | null;
}

const DEFAULT_INCLUDE = /\.[cm]?[jt]sx?$/;
const DEFAULT_EXCLUDE = /[\\/]node_modules[\\/]/;

const logOf = (diagnostic: Diagnostic, message = diagnostic.message): PluginLog => ({
  message,
  id: diagnostic.file,
  loc: { file: diagnostic.file, line: diagnostic.line, column: diagnostic.column - 1 },
});

/**
 * The einops Rollup/Vite plugin: compiles every einops call with a literal pattern in the
 * files it includes and rewrites it into a call of `einops/runtime` with the recipe inlined.
 * A pattern that is wrong by itself fails the build at its `file:line:col` (a warning with
 * `warn: true`); calls whose pattern is not a literal are left as they are.
 * @example
 * ```ts
 * // vite.config.ts or rollup.config.js
 * import einops from 'einops/rollup';
 *
 * export default { plugins: [einops({ include: ['src/**'] })] };
 * ```
 */
export default function einops(options: EinopsPluginOptions = {}): EinopsPlugin {
  const transformer = createTransformer(options);
  const accepts = createFilter(options.include ?? DEFAULT_INCLUDE, options.exclude ?? DEFAULT_EXCLUDE);
  return {
    name: 'einops',
    enforce: 'pre',
    api: { stats: transformer.stats },
    transform(code, id) {
      // Virtual modules (`\0…`) are no files; Vite's `?query` suffixes are not part of the path.
      if (id.startsWith('\0')) return null;
      const path = id.replace(/[?#].*$/, '');
      if (!accepts(path)) return null;
      let result;
      try {
        result = transformer.transform(code, path);
      } catch (error) {
        if (error instanceof PrecompileError) this.error(logOf(error.diagnostics[0]!, error.message));
        throw error;
      }
      for (const warning of result.warnings) this.warn(logOf(warning));
      return result.calls === 0 ? null : { code: result.code, map: result.map };
    },
  };
}
