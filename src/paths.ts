/**
 * Where the package's own files are, from the sources (run by tsx or vitest: modules end in
 * `.ts`, the module tree is the repository) or from the compiled package (`.js`, the module tree
 * is `dist/`, one level below package.json). Paths to modules loaded by path (the vitest entry,
 * the catalogue) are written without an extension and completed with `moduleExt`.
 */
const here = import.meta.url;

/** `.ts` when running from the sources, `.js` in the compiled package. */
export const moduleExt: '.ts' | '.js' = here.endsWith('.ts') ? '.ts' : '.js';

/** The root of the module tree: the repository, or `dist/` in the compiled package. */
export const moduleRoot = new URL('../', here);

/** The directory that holds package.json. */
export const packageRoot = new URL(moduleExt === '.ts' ? '../' : '../../', here);

/** A module of this package by its path from the module root without extension, e.g. `suites/catalogue`. */
export const moduleUrl = (path: string): URL => new URL(path + moduleExt, moduleRoot);
