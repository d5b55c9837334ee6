/** `npm run bench`: prints the package's speed and memory figures. */
import { benchDownload } from './download';
import { benchTrigger } from './trigger';
import { benchWait } from './wait';

async function main(): Promise<void> {
	await benchDownload();
	await benchWait();
	await benchTrigger();
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
