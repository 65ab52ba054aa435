/**
 * The structural password rules, without zod, so that a browser form can show them as
 * the person types without shipping the validation library. The cms also refuses the
 * most common passwords, which only it knows.
 */
export const PASSWORD_MIN_LENGTH = 12;

export const passwordRules = [
  { id: 'length', label: `At least ${PASSWORD_MIN_LENGTH} characters`, test: (p: string) => p.length >= PASSWORD_MIN_LENGTH },
  { id: 'lower', label: 'A lower-case letter', test: (p: string) => /\p{Ll}/u.test(p) },
  { id: 'upper', label: 'An upper-case letter', test: (p: string) => /\p{Lu}/u.test(p) },
  { id: 'digit', label: 'A digit', test: (p: string) => /\d/.test(p) },
  { id: 'special', label: 'A special character', test: (p: string) => /[^\p{L}\d]/u.test(p) },
] as const;
