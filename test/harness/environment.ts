/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * Sets up what n8n-core needs in a bare process: a user folder and the binary data service,
 * either in memory ("default") or on the filesystem, as an n8n instance would.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Container } from '@n8n/di';

export type BinaryMode = 'default' | 'filesystem';

let prepared: Promise<void> | undefined;

export const userFolder = mkdtempSync(path.join(tmpdir(), 'n8n-openai-videos-'));

export async function prepareEnvironment(mode: BinaryMode = 'filesystem'): Promise<void> {
	prepared ??= (async () => {
		process.env.N8N_USER_FOLDER = userFolder;
		process.env.N8N_LOG_LEVEL = 'silent';
		process.env.N8N_DEFAULT_BINARY_DATA_MODE = mode;
		process.env.N8N_BINARY_DATA_STORAGE_PATH = path.join(userFolder, 'binaryData');
		// Imported after the environment is set: n8n's config classes read it when first resolved.
		const { BinaryDataService } = await import('n8n-core');
		await Container.get(BinaryDataService).init();
	})();
	await prepared;
}
