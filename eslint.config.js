// Lint, including the one-way layering rule: edges → services → domain/metrology and store.
import tseslint from 'typescript-eslint';

const EDGES = ['src/http/**', 'src/cli/**', 'src/jobs/**', 'src/ingest/**'];
const STORE = ['**/store/**', '**/store/*'];
const SERVICES = ['**/services/**', '**/services/*'];
const EDGE_MODULES = ['**/http/**', '**/cli/**', '**/jobs/**', '**/ingest/**'];
const IO_MODULES = ['node:fs', 'node:fs/promises', 'node:net', 'node:http', 'node:https', 'node:child_process', 'fs', 'pg', 'better-sqlite3', 'kysely'];

function restrict(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'jiliang-data/**', 'tmp/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: EDGES,
    rules: restrict(STORE, 'Edges (http, cli, jobs, ingest) call services; they never touch the store.'),
  },
  {
    files: ['src/services/**'],
    rules: restrict(EDGE_MODULES, 'Services must not depend on edges.'),
  },
  {
    files: ['src/store/**'],
    rules: restrict([...SERVICES, ...EDGE_MODULES], 'The store depends on nothing above it.'),
  },
  {
    files: ['src/domain/**', 'src/metrology/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.map((name) => ({ name, message: 'domain/ and metrology/ are pure: no I/O.' })),
          patterns: [{ group: [...STORE, ...SERVICES, ...EDGE_MODULES], message: 'domain/ and metrology/ import nothing above them.' }],
        },
      ],
    },
  },
  {
    files: ['web/**'],
    rules: restrict(['**/src/store/**', '**/src/services/**', '**/src/http/**'], 'The web app talks to the server over HTTP only.'),
  },
);
