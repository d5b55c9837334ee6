/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/** `npm run bench`: prints the package's speed and memory figures. */
import { benchBatch } from './batch';
import { benchCredentials } from './credentials';
import { benchDownload } from './download';
import { benchTrigger } from './trigger';
import { benchWait } from './wait';
import { load, printHeader } from './header';

async function main(): Promise<void> {
	printHeader();
	if (process.env.BENCH_ONLY === 'batch') return await benchBatch();
	if (process.env.BENCH_ONLY === 'credentials') return await benchCredentials();
	await benchBatch();
	await benchDownload();
	await benchWait();
	await benchTrigger();
	console.log(`# done: ${load()}`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
