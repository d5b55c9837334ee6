/**
 * Each claim of the README's server table (fake-api/capabilities.cjs) against the fake's
 * profile(s) of its row, through n8n's engine: a cell that starts with "yes" runs without an error,
 * one that starts with "error" stops with one. The details after that first word (IDs, retries,
 * the messages) are the subject of each server's own test file here; waiting is too (a Create here
 * does not wait, so the table costs no poll intervals: the job is finished in the fake, then
 * downloaded).
 */
import type { ICredentialDataDecryptedObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { queryParameters } from '../credential/helpers';

import { fileItem, PNG_BYTES } from '../harness/fixtures';
import { CLAIMED_COLUMNS, claimOf, SERVER_TABLE, type Column } from './capabilities';
import { create, download, get, getAll, messageOf, remix, remove, useProfile, videoId } from './helpers';

type Fake = ReturnType<typeof useProfile>;

/** What a server needs for a Create, as its row says ("with the Create option…"). */
const CREATE_SETUP: Record<string, { parameters?: INodeParameters; items?: INodeExecutionData[] }> = {
	vllm: { parameters: { options: { sendAsMultipart: true } } },
	sglang: {
		parameters: { referenceType: 'binary', referenceBinaryPropertyName: 'data', options: { sendAsMultipart: true } },
		items: [fileItem(PNG_BYTES, 'frame.png', 'image/png')],
	},
};

/** Credential settings a server needs for a claim: LiteLLM lists only with custom_llm_provider. */
const CREDENTIAL_SETUP: Record<string, ICredentialDataDecryptedObject> = {
	litellm: queryParameters({ custom_llm_provider: 'openai' }),
};

const addedVideo = (fake: Fake) => String(fake.api.addVideo().id);

/** The errors of what a column stands for (one run, or two for Get Many · trigger). */
const SCENARIOS: Record<Column, (fake: Fake, profile: string) => Promise<unknown[]>> = {
	async create(fake, profile) {
		const setup = CREATE_SETUP[profile] ?? {};
		const started = await fake.run({
			parameters: create({ waitForCompletion: false, downloadResult: false, ...setup.parameters }),
			items: setup.items,
		});
		if (started.error) return [started.error];
		const id = videoId(fake.api);
		fake.api.setStatus(id, 'completed');
		return [(await fake.run({ parameters: download(id) })).error];
	},
	get: async (fake) => [(await fake.run({ parameters: get(addedVideo(fake)) })).error],
	async list(fake, profile) {
		fake.api.addVideo();
		const credential = CREDENTIAL_SETUP[profile] ?? {};
		const listed = await fake.run({ parameters: getAll(), credential });
		const polled = await fake.trigger({}, credential).poll().then(
			() => undefined,
			(error: unknown) => error ?? new Error('(rejected)'),
		);
		return [listed.error, polled];
	},
	delete: async (fake) => [(await fake.run({ parameters: remove(addedVideo(fake)) })).error],
	remix: async (fake) => [(await fake.run({ parameters: remix(addedVideo(fake)) })).error],
};

for (const row of SERVER_TABLE) {
	for (const profile of row.profiles) {
		describe(`${row.server} (${profile})`, () => {
			const fake = useProfile(profile);
			for (const column of CLAIMED_COLUMNS) {
				const claim = claimOf(row[column]);
				if (!claim) continue; // "—": the table claims nothing
				test(`${column}: ${row[column]}`, async () => {
					const errors = await SCENARIOS[column](fake, profile);
					if (claim === 'yes') expect(errors.map(messageOf)).toEqual(errors.map(() => '(no error)'));
					else for (const error of errors) expect(messageOf(error)).not.toBe('(no error)');
				});
			}
		});
	}
}
