import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from './tests/support/chromium';

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.spec.ts',
	// The benchmark harness has its own command: npm run test:bench (playwright.bench.config.ts).
	testIgnore: '**/bench.spec.ts',
	// One seeded data directory with the actors signed in, copied by every test server.
	globalSetup: './tests/global-setup.ts',
	// Two cores: each worker runs its own server next to its browser.
	workers: 2,
	fullyParallel: false,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	timeout: 30_000,
	reporter: [['list']],
	use: {
		// Traces of the workers' shared API contexts can clash between tests; record them on demand
		// with --trace=retain-on-failure.
		trace: 'off',
		// A failed test leaves a screenshot of each of its pages in test-results/ (CI keeps it).
		screenshot: 'only-on-failure',
		locale: 'de-DE',
		timezoneId: 'Europe/Berlin'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: { executablePath: findChromium(), args: chromiumArgs }
			}
		}
	]
});
