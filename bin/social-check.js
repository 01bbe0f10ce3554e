#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx social-check` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { runCliProcess } = await import('../src/cli/run.ts');
await runCliProcess();
