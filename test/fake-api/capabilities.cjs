'use strict';
/*
 * What works with each server through the node: the one source of the README's server table
 * ("Servers that carry the API on").
 *
 *   test/servers/readme-table.test.ts     the README's table is exactly SERVER_TABLE, rendered
 *   test/servers/capabilities.test.ts     each cell's first word is what the node does against the
 *                                         profile(s) of its row: "yes" (or "works") runs without an error,
 *                                         "error" stops with one; "—" is not claimed, not run
 *
 * A row names the fake's profiles it stands for (profiles.cjs); every profile but 'openai' (the
 * reference itself) is in exactly one row. Change a cell here, run the tests, and paste the table
 * the README test prints. The cells say what the node does; the server behaviour behind each one
 * (405, 409, 503, `custom_llm_provider`, …) is in profiles.cjs with its public source.
 */

const COLUMNS = [
	['server', 'server'],
	['base', 'Base URL / credential'],
	['create', 'create · wait · download'],
	['get', 'get'],
	['list', 'Get Many · trigger'],
	['delete', 'delete'],
	['remix', 'remix'],
];

const SERVER_TABLE = [
	{
		profiles: ['litellm'],
		server: 'LiteLLM proxy',
		base: '`http://host:4000` (gets `/v1`)',
		create:
			'yes; long `=`/`+`/`/` IDs are URL-encoded, polling keeps the created ID; a too-early 200 with a JSON body is reported as not ready',
		get: 'yes',
		list: 'yes with the credential\'s Query Parameter `custom_llm_provider=openai`; without it, error: LiteLLM needs `custom_llm_provider`',
		delete: 'error: "does not offer" (405)',
		remix: 'yes',
	},
	{
		profiles: ['azure'],
		server: 'Azure OpenAI (Sora 2)',
		base: '`https://{resource}.openai.azure.com/openai/v1`, Auth Header `api-key`, model = deployment name',
		create: 'yes; its 2-creates-per-minute 429 is retried after `retry-after`, never twice for one item',
		get: 'yes',
		list: 'yes',
		delete: 'yes',
		remix: 'yes',
	},
	{
		profiles: ['newapi'],
		server: 'New API',
		base: 'its base URL',
		create: 'yes (`unknown` counts as running; `task_id`, `video_url` kept)',
		get: 'yes',
		list: 'error: "does not offer"',
		delete: 'error: "does not offer"',
		remix: '—',
	},
	{
		profiles: ['vllm'],
		server: 'vLLM-Omni',
		base: 'its base URL',
		create: 'yes with the Create option *Send as Multipart*; a download before completion says "not ready"',
		get: 'yes',
		list: 'yes',
		delete: 'yes (a running job is cancelled; a 409 from a server that refuses is shown)',
		remix: 'error: "does not offer"',
	},
	{
		profiles: ['sglang'],
		server: 'SGLang diffusion',
		base: 'its base URL',
		create: 'yes with Reference = image from binary (multipart)',
		get: 'yes',
		list: 'yes (pages without `has_more`)',
		delete: 'yes (`status: "deleted"`)',
		remix: '—',
	},
	{
		profiles: ['aquiles'],
		server: 'Aquiles-Image',
		base: 'its base URL',
		create: 'yes (`processing`; one job at a time: its 503 is shown, not retried)',
		get: 'yes',
		list: 'yes (a cursor it no longer knows is detected)',
		delete: 'yes',
		remix: '—',
	},
	{
		profiles: ['relay'],
		server: 'relays answering `/content` with a redirect',
		base: 'any',
		create: 'yes; the signed URL on another host never gets the key or OpenAI-* headers',
		get: 'yes',
		list: 'yes',
		delete: 'yes',
		remix: 'yes',
	},
	{
		profiles: ['openrouter', 'azure-legacy'],
		server: "OpenRouter `/api/v1/videos`, Azure's older `video/generations/jobs`",
		base: '—',
		create: 'error: "This server does not speak the OpenAI Videos API"',
		get: 'error',
		list: '—',
		delete: '—',
		remix: '—',
	},
];

/** The operation columns whose first word is a claim the capability tests check. */
const CLAIMED_COLUMNS = ['create', 'get', 'list', 'delete', 'remix'];

/** 'yes' | 'error' | undefined (not claimed) for a cell's text ("works" counts as "yes"). */
function claimOf(text) {
	const word = /^(yes|works|error)\b/.exec(text)?.[1];
	if (word) return word === 'error' ? 'error' : 'yes';
	if (text === '—') return undefined;
	throw new Error(`capabilities.cjs: a cell must start with "yes", "works" or "error", or be "—"; got ${JSON.stringify(text)}`);
}

/** SERVER_TABLE as the README's Markdown table (header, separator, one line per row). */
function renderTable(rows = SERVER_TABLE) {
	const line = (cells) => `| ${cells.join(' | ')} |`;
	return [
		line(COLUMNS.map(([, title]) => title)),
		`|${COLUMNS.map(() => '---').join('|')}|`,
		...rows.map((row) => line(COLUMNS.map(([key]) => row[key]))),
	].join('\n');
}

module.exports = { SERVER_TABLE, COLUMNS, CLAIMED_COLUMNS, claimOf, renderTable };
