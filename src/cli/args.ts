import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Bad command-line input: printed as one line, exit 2. */
export class UsageError extends Error {}

/** node:util parseArgs, strict, with its errors turned into one-line UsageErrors. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = false,
  // spelled out for the emitted declarations: node:util does not export the type parseArgs returns
): ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: boolean }>> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
}
