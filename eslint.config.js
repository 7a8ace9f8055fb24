// Lint, including the import boundaries that keep each layer runnable where it must run:
//   shared/    imports no DOM, Node or Electron (pure TypeScript, used by both processes)
//   renderer/  imports no Node or Electron (it runs untrusted content; the contract is its only way out)
//   electron/services, host, cli: never 'electron' (plain Node, so they run under the web host and in tests)
//   electron/preload: only 'electron' and the contract
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'url',
  'stream',
  'worker_threads',
  'zlib',
  'util',
  'events',
  'buffer',
];
const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', '.tsbuild/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict(
        [...nodeBuiltins, 'electron', 'electron/*', 'react', 'react-dom', '**/renderer/**', '**/electron/**'],
        'shared/ is pure TypeScript: no Node, Electron, DOM or app-layer imports.',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...nodeBuiltins, 'electron', 'electron/*', '**/electron/**'],
        'The renderer talks to Node and Electron only through the contract (renderer/src/api.ts).',
      ),
      // The zod schemas validate requests where they are handled; the page and its worker need only the types
      // and the channel names (shared/ipc/channel-names.ts). Importing them adds ~90 KB to each bundle.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/shared/ipc/contract', 'zod', 'zod/*'],
              allowTypeImports: true,
              message:
                'The renderer imports only types from the contract; channel names come from channel-names.ts.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer'],
    },
  },
  {
    // Components render and call feature services and hooks; the api is called from those (.ts) modules only, so
    // a flow is written once and a component never holds a half-finished request's state of its own.
    // (Repeats the renderer's Node/Electron patterns: a later no-restricted-imports replaces an earlier one.)
    files: ['renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', 'electron/*', '**/electron/**'],
              message:
                'The renderer talks to Node and Electron only through the contract (renderer/src/api.ts).',
            },
            {
              regex: '(^|/)api$',
              importNames: ['api', 'httpToken'],
              message:
                'Components do not call the api: call a service or hook of the feature (a .ts module).',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/services/**/*.ts',
      'electron/host/**/*.ts',
      'electron/cli/**/*.ts',
      'electron/security/**/*.ts',
    ],
    languageOptions: { globals: globals.node },
    rules: restrict(
      ['electron', 'electron/*', '**/renderer/**', '**/main/**'],
      'Services, the web host and the CLI are plain Node: they must not import Electron or the renderer.',
    ),
  },
  {
    // The OCR worker thread's script, used as written (CommonJS: tesseract.js loads it with new Worker(path)).
    files: ['electron/services/**/*.cjs'],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/preload/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\.\\./\\.\\./shared/ipc/).*',
              message: 'The preload imports only electron and the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/main/**/*.ts',
      'build/**/*.{ts,mjs,js}',
      'bench/**/*.ts',
      'tests/**/*.{ts,tsx}',
      '*.config.{ts,js}',
      'bin/**/*.js',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
