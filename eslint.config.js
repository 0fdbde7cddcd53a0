// Lint rules that need the type checker: the ones a formatter or `astro check` cannot give.
// Formatting is Prettier's (see "prettier" in package.json), so no stylistic rule is enabled here.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', '.astro/', '.wrangler/', '.data/', 'public/'] },
  {
    files: ['{src,functions,tests,scripts,bench}/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      // One program of the whole project, as editors and `npx eslint <file>` use it; `npm run lint`
      // gives each of its parts a program of its own instead (scripts/lint.mjs, scripts/lint-programs).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // A promise nobody awaits loses its rejection: work handed to ctx.waitUntil must be the
      // promise itself, and a Drizzle or D1 call without await may never run before the response.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // Library callbacks that type their error as `any` (autocannon's) pass it on as it came.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true }],
      // A status, role or locale added to a union must be handled by every switch over it;
      // a `default` does not count, or a new member would slip into it unnoticed.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false },
      ],
      // `const { secret: _secret, ...rest } = row` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `let [items, counted] = …` where only items changes later stays one declaration.
      'prefer-const': ['error', { destructuring: 'all' }],
    },
  },
);
