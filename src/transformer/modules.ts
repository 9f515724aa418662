/**
 * Which import specifiers are the einops package. A bare specifier (`einops`) matches itself
 * exactly; an absolute path (a checkout's `src/index.ts`, as this package's own test run uses)
 * matches the relative specifiers that resolve to it, with or without extension or `/index`.
 */
import { basename, dirname, isAbsolute, resolve } from 'node:path';

export interface ModuleMatcher {
  /** Strings one of which a file must contain to import any of the modules: the cheap pre-check. */
  readonly quickChecks: readonly string[];
  matches(specifier: string, fileName: string): boolean;
}

// `a/index.ts`, `a/index` and `a` all name the same module.
const normalize = (path: string): string => path.replace(/\.[cm]?[jt]sx?$/, '').replace(/[\\/]index$/, '');

export function moduleMatcher(modules: readonly string[]): ModuleMatcher {
  const bare = new Set(modules.filter((module) => !isAbsolute(module)));
  const paths = new Set(modules.filter((module) => isAbsolute(module)).map((module) => normalize(resolve(module))));
  return {
    quickChecks: [...bare, ...[...paths].map((path) => basename(path))],
    matches(specifier, fileName) {
      if (bare.has(specifier)) return true;
      if (paths.size === 0 || !(specifier.startsWith('.') || isAbsolute(specifier))) return false;
      return paths.has(normalize(resolve(dirname(fileName), specifier)));
    },
  };
}
