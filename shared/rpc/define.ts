import type { z } from 'zod';

/** One RPC method: its name, the schemas of what goes in and out, and whether it writes. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  mutates: boolean;
  /**
   * Whether a successful call tells open screens to refresh (data:changed). Autosaves say no:
   * the screen that saves already shows what it saved, and a refresh every two seconds would
   * only cost work on modest laptops.
   */
  announces: boolean;
}

export function query<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> {
  return { input, output, mutates: false, announces: false };
}

export function mutation<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  options: { announces?: boolean } = {},
): MethodSpec<I, O> {
  return { input, output, mutates: true, announces: options.announces ?? true };
}
