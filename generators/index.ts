/**
 * fast-check generators compiled from the derived schemas (specs/index.ts): valid inputs with
 * boundary bias and domain knowledge, invalid inputs labelled with the one constraint they break,
 * and command descriptions for model-based runs. See docs/generators.md.
 */
export { arbitraryFor, SchemaCompiler, type CompileOptions } from './compile.js';
export { validInput } from './valid.js';
export { invalidInput, everyInvalidInput, invalidPairCount, invalidReasons, AJV_KEYWORD, type InvalidReason, type InvalidSample } from './invalid.js';
export { uniqueThingName, tagList, serviceList } from './domain.js';
export { commandDescriptions, tunnelNamingMembers, type CommandDescription, type CommandOptions } from './commands.js';
export { classSet, complementSet, type CodePointSet } from './charset.js';
export { parseClassRepetition } from './pattern.js';
