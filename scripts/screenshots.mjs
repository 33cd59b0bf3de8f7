#!/usr/bin/env node
// Screenshots of the example workflows and the nodes' panels in the real n8n editor, for the README.
//
//   node scripts/screenshots.mjs                 starts its own `npm run demo -- --ui` instance, then shoots
//   node scripts/screenshots.mjs --url <n8n url> uses a running `npm run demo -- --ui` instance instead
//   options: --out <dir> (default docs/)
//
// Uses Debian's Chromium (/usr/bin/chromium; installed with apt-get when missing and running as root)
// driven by playwright-core, headless, with a fresh profile.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareRun, startUi } from './lib/demo/demo-run.mjs';
import { DEMO_OWNER } from './lib/n8n/n8n-rest.mjs';
import { cleanupNow, stopAll } from './lib/common/processes.mjs';
import { StepError, info, step } from './lib/common/progress.mjs';

const repoDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** What to capture: example canvases (optionally after running them) and node panels. */
const SHOTS = [
	{ file: 'example-shopify-order-to-esim.png', workflow: 'esimShopifyOrder', run: 'Run demo' },
	{ file: 'node-esimtrade-create-order.png', workflow: 'esimShopifyOrder', node: 'Buy eSIM' },
	{ file: 'example-daily-order-export.png', workflow: 'esimDailyExport1', run: 'Run now' },
	{
		file: 'node-esimdistribute-export.png',
		workflow: 'esimDailyExport1',
		node: 'eSIM Distribute export',
	},
	{ file: 'example-top-up-approval.png', workflow: 'esimTopUpApprove', run: 'Run now' },
	{
		file: 'node-esimdistribute-create-top-up.png',
		workflow: 'esimTopUpApprove',
		node: 'Create top-up',
	},
	{ file: 'example-order-status-alerts.png', workflow: 'esimStatusAlerts' },
	{
		file: 'node-esimtrade-trigger.png',
		workflow: 'esimStatusAlerts',
		node: 'eSIMTrade Trigger',
		fetchTestEvent: true,
	},
];

function parseArgs(argv) {
	const opts = { url: undefined, out: join(repoDir, 'docs') };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--url') opts.url = argv[++i]?.replace(/\/+$/, '');
		else if (argv[i] === '--out') opts.out = argv[++i];
		else throw new StepError(`unknown option ${argv[i]} (use --url <n8n url> and/or --out <dir>)`);
	}
	return opts;
}

function ensureChromium() {
	if (existsSync(CHROMIUM)) return;
	if (process.getuid?.() !== 0)
		throw new StepError(
			`${CHROMIUM} is missing: install Debian's Chromium with \`sudo apt-get install -y chromium\``,
		);
	info('Installing Debian Chromium (apt-get install -y chromium) …');
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
	execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore' });
}

async function launch() {
	const { chromium } = await import('playwright-core');
	const profile = mkdtempSync(join(tmpdir(), 'n8n-esim-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: { width: 1600, height: 960 },
	});
	return {
		context,
		close: async () => (await context.close(), rmSync(profile, { recursive: true, force: true })),
	};
}

async function signIn(page, url) {
	await page.goto(`${url}/signin`);
	await page.fill('input#emailOrLdapLoginId', DEMO_OWNER.email);
	await page.fill('input#password', DEMO_OWNER.password);
	await page.click('[data-test-id="form-submit-button"]');
	await page.waitForURL((u) => !u.pathname.includes('/signin'), { timeout: 30_000 });
}

async function openWorkflow(page, url, id) {
	await page.goto(`${url}/workflow/${id}`);
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 30_000 });
	await page.waitForTimeout(800);
}

async function zoomToFit(page) {
	await page.click('[data-test-id="zoom-to-fit"]');
	await page.waitForTimeout(800);
}

/** Runs the workflow from the given trigger and waits until no node is running any more. */
async function runFrom(page, trigger) {
	await page.locator(`[data-test-id="execute-workflow-button-${trigger}"]`).click({ force: true });
	await page.waitForTimeout(1000);
	/* global document -- the function runs in the browser page */
	await page.waitForFunction(
		() =>
			!document.querySelector(
				'[data-test-id="canvas-node"] [class*="running"], [class*="_running_"]',
			),
		null,
		{
			timeout: 120_000,
		},
	);
	await page.waitForTimeout(1500);
}

/** Closes the "executed successfully" toasts so they do not cover the picture. */
async function dismissToasts(page) {
	for (const close of await page.locator('.el-notification__closeBtn').all())
		await close.click().catch(() => {});
	await page.waitForTimeout(400);
}

async function openNode(page, name, { fetchTestEvent = false } = {}) {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	await page.waitForSelector('[data-test-id="ndv"]', { timeout: 15_000 });
	await page.waitForTimeout(1000);
	if (fetchTestEvent) {
		// A manual poll, as "Fetch Test Event" does: shows what the trigger emits.
		await page
			.locator('[data-test-id="ndv"]')
			.getByRole('button', { name: 'Fetch Test Event' })
			.first()
			.click();
		await page
			.waitForSelector(
				'[data-test-id="output-panel"] [data-test-id="ndv-items-count"], [data-test-id="ndv"] :text("No trigger output")',
				{ timeout: 60_000 },
			)
			.catch(() => {});
		await page.waitForTimeout(1500);
	}
	const schema = page
		.locator('[data-test-id="output-panel"] [data-test-id="ndv-run-data-display-mode"]')
		.getByText('Schema', { exact: true });
	if (await schema.count())
		await schema
			.first()
			.click()
			.catch(() => {});
	await page.waitForTimeout(600);
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	ensureChromium();
	let url = opts.url;
	if (!url) {
		const ctx = await prepareRun(repoDir);
		url = (await startUi(ctx)).url;
	}
	mkdirSync(opts.out, { recursive: true });
	const browser = await step('Starting headless Chromium', launch);
	try {
		const page = browser.context.pages()[0] ?? (await browser.context.newPage());
		await step(`Signing in to ${url}`, () => signIn(page, url));
		for (const shot of SHOTS) {
			const path = join(opts.out, shot.file);
			await step(`Capturing ${relative(repoDir, path)}`, async () => {
				if (shot.node) {
					await page.keyboard.press('Escape').catch(() => {});
					if (!page.url().endsWith(`/workflow/${shot.workflow}`))
						await openWorkflow(page, url, shot.workflow);
					await openNode(page, shot.node, shot);
				} else {
					await openWorkflow(page, url, shot.workflow);
					await zoomToFit(page);
					if (shot.run) {
						await runFrom(page, shot.run);
						await zoomToFit(page);
					}
				}
				await dismissToasts(page);
				await page.screenshot({ path });
				if (shot.node) await page.click('[data-test-id="ndv-close-button"]').catch(() => {});
			});
		}
	} finally {
		await browser.close();
	}
}

main()
	.then(async () => {
		await stopAll();
		cleanupNow();
		process.exit(0);
	})
	.catch(async (error) => {
		await stopAll().catch(() => {});
		process.stderr.write(`\nScreenshots failed: ${error.message}\n${error.details ?? ''}\n`);
		cleanupNow();
		process.exit(1);
	});
