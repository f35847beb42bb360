// Lint, including the runtime boundaries of STYLE.md ("the folder is the
// runtime boundary"): shared/ is pure, renderer/ never reaches main/ or Node,
// and only main/electron/ may import electron. test/unit/boundaries.test.ts
// checks the same rules by reading imports, so they hold even without ESLint.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'This folder must not use Node APIs.' };
const electron = { name: 'electron', message: 'Only main/electron/ may import electron.' };

// Issue 11: "now", "today" and the time zone come from shared/clock.ts only, so
// tests can pin them. test/unit/clock-guard.test.ts scans the sources for the
// same patterns (so an eslint-disable cannot hide one) and holds the allow-list.
const useTheClock = 'Read the time from shared/clock.ts (now(), nowIso(), today(), timeZone()), so tests can pin it.';
export const clockRules = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: useTheClock },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: useTheClock },
  { selector: "CallExpression[callee.name='Date']", message: useTheClock },
  { selector: "CallExpression[callee.property.name='format'][arguments.length=0][callee.object.callee.property.name='DateTimeFormat']", message: useTheClock },
  { selector: "MemberExpression[object.name='performance'][property.name='timeOrigin']", message: useTheClock },
  { selector: "MemberExpression[object.name='Temporal'][property.name='Now']", message: useTheClock },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      eqeqeq: ['error', 'always'],
      'no-restricted-imports': ['error', { paths: [electron] }],
      'no-restricted-syntax': ['error', ...clockRules],
    },
  },
  {
    // The allow-list (reasons in test/unit/clock-guard.test.ts).
    files: ['shared/clock.ts', 'test/bench/run.ts', 'scripts/native-electron.mjs', 'test/e2e/dates.spec.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electron], patterns: [nodeBuiltins, { group: ['**/main/**', '**/renderer/**'], message: 'shared/ imports nothing from main/ or renderer/.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { paths: [electron], patterns: [nodeBuiltins, { group: ['**/main/**'], message: 'renderer/ talks to main only through window.kith.invoke.' }] },
      ],
    },
  },
  {
    files: ['main/electron/**/*.ts', 'test/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
