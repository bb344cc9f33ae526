#!/usr/bin/env node
// Entry point of the `jiliang` command. The server runs the TypeScript sources through tsx,
// so a clean clone needs no compile step besides the web bundle.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
