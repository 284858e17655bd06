// The benchmark harness's smoke run (`npm run test:bench`): minutes of servers and load on two
// cores, checking the harness, not the app, so it stays out of `npm test`.
import { defineConfig } from '@playwright/test';
import config from './playwright.config';

export default defineConfig({
	...config,
	testMatch: 'bench.spec.ts',
	testIgnore: [],
	workers: 1
});
