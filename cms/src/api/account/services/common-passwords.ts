import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | undefined;

/**
 * True for the passwords people pick most, even dressed up with capitals, digits and
 * symbols around a common word ("Password123!"): 49,000 entries from zxcvbn-ts.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'] as string[]);
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const leet = core.replace(/[@4]/g, 'a').replace(/3/g, 'e').replace(/[1!]/g, 'i').replace(/0/g, 'o').replace(/\$/g, 's');
  return common.has(lower) || (core.length >= 4 && (common.has(core) || common.has(leet)));
}
