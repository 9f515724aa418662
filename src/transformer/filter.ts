/**
 * include / exclude for the plugin, as Rollup plugins take them: regular expressions, or globs
 * (`**`, `*`, `?`, `{a,b}`) matched against the absolute path, relative globs taken from the
 * working directory. Written here rather than taken from @rollup/pluginutils so the plugin
 * brings no dependency of its own.
 */
import { isAbsolute, resolve } from 'node:path';

/** Globs (relative to the working directory, or absolute) or regular expressions on file paths. */
export type FilterPattern = string | RegExp | readonly (string | RegExp)[];

const toPosix = (path: string): string => path.replace(/\\/g, '/');

export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      // `**/` is any number of whole directories, a trailing `**` anything at all.
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') source += '(?:';
    else if (char === '}') source += ')';
    else if (char === ',') source += '|';
    else source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function toMatchers(pattern: FilterPattern | undefined): RegExp[] {
  if (pattern === undefined) return [];
  const list: readonly (string | RegExp)[] = typeof pattern === 'string' || pattern instanceof RegExp ? [pattern] : pattern;
  return list.map((entry) => {
    if (entry instanceof RegExp) return entry;
    const glob = toPosix(entry);
    return globToRegExp(isAbsolute(glob) || glob.startsWith('**') ? glob : toPosix(resolve(glob)));
  });
}

/** Whether an id is to be transformed: it matches include (when given) and no exclude. */
export function createFilter(include: FilterPattern | undefined, exclude: FilterPattern | undefined): (id: string) => boolean {
  const included = toMatchers(include);
  const excluded = toMatchers(exclude);
  return (id) => {
    const path = toPosix(id);
    // A stateful (global or sticky) expression would answer differently each time: reset it.
    const test = (pattern: RegExp): boolean => {
      pattern.lastIndex = 0;
      return pattern.test(path);
    };
    return !excluded.some(test) && (included.length === 0 || included.some(test));
  };
}
