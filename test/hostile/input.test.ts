/* eslint-disable -- code that never ships: n8n's rules for node code do not apply; `npm run lint` checks it with eslint.dev.config.mjs */
/**
 * Issue 10, point 5: input checked by content. Path tricks fail before any request, other IDs
 * stay one encoded segment; unset optional values are not sent, objects are an error; files are
 * judged by their bytes; an empty /content is an error and a compressed one is judged decoded.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { INodeParameters } from 'n8n-workflow';

import { userFolder } from '../harness/environment';
import { fileItem, MP4_BYTES, PNG_BYTES } from '../harness/fixtures';
import { apiLike, MP4, runAgainst, sendJson, useHosts, video } from './servers';

const hosts = useHosts();

const byOperation: Record<string, (videoId: string) => INodeParameters> = {
	Get: (videoId) => ({ resource: 'video', operation: 'get', videoId }),
	Delete: (videoId) => ({ resource: 'video', operation: 'delete', videoId }),
	Download: (videoId) => ({ resource: 'video', operation: 'download', videoId }),
	Remix: (videoId) => ({ resource: 'video', operation: 'remix', videoId, prompt: 'At night', waitForCompletion: false }),
	Edit: (videoId) => ({ resource: 'video', operation: 'edit', videoSource: 'id', videoId, prompt: 'At night', waitForCompletion: false }),
	Extend: (videoId) => ({ resource: 'video', operation: 'extend', videoSource: 'id', videoId, prompt: 'Go on', seconds: '4', waitForCompletion: false }),
};

describe('IDs', () => {
	const tricks = ['.', '..', ' .. ', '={{".."}}', '%2e%2e', '%2E'];
	const cases = Object.keys(byOperation).flatMap((operation) => tricks.map((id) => [operation, id] as const));
	test.each(cases)('%s with the ID %j fails before any request', async (operation, id) => {
		hosts.home.handle = apiLike;

		const { error } = await runAgainst(hosts.home, byOperation[operation](id));

		expect(error?.message).toMatch(/^The video ID ".*" is not an ID$/);
		expect(hosts.home.requests).toHaveLength(0);
	});

	const ID = 'a/b?c#d%e f..';
	const ENCODED = 'a%2Fb%3Fc%23d%25e%20f..';
	test.each([
		['Get', `/v1/videos/${ENCODED}`],
		['Delete', `/v1/videos/${ENCODED}`],
		['Download', `/v1/videos/${ENCODED}/content`],
		['Remix', `/v1/videos/${ENCODED}/remix`],
	])('%s keeps an ID with / ? # %% as one encoded path segment', async (operation, path) => {
		hosts.home.handle = (request, response) => {
			if (request.path.endsWith('/content')) return apiLike(request, response);
			return sendJson(response, 200, request.method === 'DELETE' ? { id: ID, deleted: true } : video(ID));
		};

		const { error } = await runAgainst(hosts.home, byOperation[operation](ID));

		expect(error).toBeUndefined();
		expect(hosts.home.requests.map((request) => request.path)).toEqual([path]);
	});

	test('an ID the server hands out is polled as one encoded segment too', async () => {
		hosts.home.handle = (request, response) => sendJson(response, 200, video('../admin?x', request.method === 'POST' ? 'queued' : 'completed'), { 'openai-poll-after-ms': '1' });

		const { error } = await runAgainst(hosts.home, { resource: 'video', operation: 'create', prompt: 'A lighthouse', downloadResult: false });

		expect(error).toBeUndefined();
		expect(hosts.home.requests[1].path).toBe('/v1/videos/..%2Fadmin%3Fx');
	});
});

describe('optional values', () => {
	const create = (extra: INodeParameters): INodeParameters => ({ resource: 'video', operation: 'create', prompt: 'A lighthouse', waitForCompletion: false, ...extra });

	test.each([
		['={{null}}', create({ seconds: '={{null}}', size: '={{undefined}}', model: '={{null}}' }), { prompt: 'A lighthouse' }],
		['empty', create({ seconds: '', size: '={{""}}', model: '={{"  "}}' }), { prompt: 'A lighthouse' }],
		// A missing model takes the field's default.
		['missing', { resource: 'video', operation: 'create', prompt: 'A lighthouse', waitForCompletion: false }, { prompt: 'A lighthouse', model: 'sora-2' }],
	])('seconds, size and model %s are not sent (JSON)', async (_name, parameters, sent) => {
		hosts.home.handle = apiLike;

		const { error } = await runAgainst(hosts.home, parameters);

		expect(error).toBeUndefined();
		expect(JSON.parse(hosts.home.requests[0].body.toString())).toEqual(sent);
	});

	test('null values are not sent as "null" in multipart either', async () => {
		hosts.home.handle = apiLike;

		const { error } = await runAgainst(hosts.home, create({ seconds: '={{null}}', size: '={{undefined}}', options: { sendAsMultipart: true } }));

		expect(error).toBeUndefined();
		const body = hosts.home.requests[0].body.toString();
		expect(body).toContain('name="prompt"');
		expect(body).not.toMatch(/name="(seconds|size)"/);
		expect(body).not.toMatch(/\b(null|undefined)\b/);
	});

	test.each([
		['seconds', create({ seconds: '={{ {"value": 8} }}' }), /^The seconds is an object, not a text$/],
		['size', create({ size: '={{ ["720x1280"] }}' }), /^The size is a list, not a text$/],
		['prompt', create({ prompt: '={{ {"text": "hi"} }}' }), /^The prompt is an object, not a text$/],
		['Extend seconds', { ...byOperation.Extend('video_1'), seconds: '={{null}}' }, /^The length in seconds is empty$/],
	])('%s from an object (or missing where required) fails before any request', async (_name, parameters, message) => {
		hosts.home.handle = apiLike;

		const { error } = await runAgainst(hosts.home, parameters);

		expect(error?.message).toMatch(message);
		expect(hosts.home.requests).toHaveLength(0);
	});
});

describe('files are judged by their bytes', () => {
	const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00', 'latin1');
	const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex');
	const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);
	const reference = (item: ReturnType<typeof fileItem>) => ({
		parameters: { resource: 'video', operation: 'create', prompt: 'A lighthouse', waitForCompletion: false, referenceType: 'binary', referenceBinaryPropertyName: 'data' },
		items: [item],
	});

	test.each([
		['a text file labelled image/png', fileItem('hello, not an image', 'frame.png', 'image/png')],
		['a GIF', fileItem(GIF, 'frame.gif', 'image/gif')],
		['an MP4 labelled image/jpeg', fileItem(MP4_BYTES, 'frame.jpg', 'image/jpeg')],
	])('%s as reference fails before any request', async (_name, item) => {
		hosts.home.handle = apiLike;
		const { parameters, items } = reference(item);

		const { error } = await runAgainst(hosts.home, parameters, { items });

		expect(error?.message).toBe('The file in "data" is not a PNG, JPEG or WebP image');
		expect(hosts.home.requests).toHaveLength(0);
	});

	test.each([
		['a PNG labelled application/octet-stream', fileItem(PNG_BYTES, 'frame', 'application/octet-stream')],
		['a JPEG', fileItem(JPEG, 'frame.jpg', 'image/jpeg')],
		['a WebP', fileItem(WEBP, 'frame.webp', 'image/webp')],
	])('%s as reference is sent', async (_name, item) => {
		hosts.home.handle = apiLike;
		const { parameters, items } = reference(item);

		const { error } = await runAgainst(hosts.home, parameters, { items });

		expect(error).toBeUndefined();
		expect(hosts.home.requests[0].body.toString('latin1')).toContain('name="input_reference"');
	});

	const sources: Record<string, INodeParameters> = {
		Edit: { resource: 'video', operation: 'edit', videoSource: 'binary', sourceBinaryPropertyName: 'data', prompt: 'At night', waitForCompletion: false },
		Extend: { resource: 'video', operation: 'extend', videoSource: 'binary', sourceBinaryPropertyName: 'data', prompt: 'Go on', seconds: '4', waitForCompletion: false },
		'Character → Create': { resource: 'character', operation: 'create', name: 'Ada', binaryPropertyName: 'data' },
	};
	test.each(Object.keys(sources).flatMap((name) => [
		[name, 'a text file labelled video/mp4', fileItem('not a video', 'clip.mp4', 'video/mp4')] as const,
		[name, 'a PNG labelled video/mp4', fileItem(PNG_BYTES, 'clip.mp4', 'video/mp4')] as const,
	]))('%s with %s fails before any request', async (name, _file, item) => {
		hosts.home.handle = apiLike;

		const { error } = await runAgainst(hosts.home, sources[name], { items: [item] });

		expect(error?.message).toBe('The file in "data" is not an MP4 video');
		expect(hosts.home.requests).toHaveLength(0);
	});

	test.each(Object.keys(sources))('%s with an MP4 labelled application/octet-stream sends it', async (name) => {
		hosts.home.handle = (request, response) => sendJson(response, 200, request.path.includes('characters') ? { id: 'char_1', object: 'character' } : video('video_new', 'queued'));

		const { error } = await runAgainst(hosts.home, sources[name], { items: [fileItem(MP4_BYTES, 'clip', 'application/octet-stream')] });

		expect(error).toBeUndefined();
		expect(hosts.home.requests[0].body.includes(MP4_BYTES)).toBe(true);
	});
});

/** Every file in the binary data store (filesystem mode), metadata files included. */
function storedFiles(): string[] {
	const root = path.join(userFolder, 'binaryData');
	if (!existsSync(root)) return [];
	return readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => `${entry.parentPath}/${entry.name}`);
}

describe('what /content answers', () => {
	const download: INodeParameters = { resource: 'video', operation: 'download', videoId: 'video_1', options: { maxRetries: 1 } };

	test.each([
		['with Content-Length: 0', { 'content-length': '0' }],
		['chunked, without a byte', { 'transfer-encoding': 'chunked' }],
	])('an empty 200 %s is an error, not a 0-byte video', async (_name, headers) => {
		hosts.home.handle = (_request, response) => response.writeHead(200, { 'content-type': 'video/mp4', ...headers }).end();

		const before = storedFiles();

		const { error, items } = await runAgainst(hosts.home, download);

		expect(error?.message).toBe('The download of video video_1 came empty: the server sent 0 bytes (2 tries)');
		expect(items).toHaveLength(0);
		expect(hosts.home.requests).toHaveLength(2);
		// Rejected before it reached the binary data store: no file, no metadata left behind.
		expect(storedFiles()).toEqual(before);
	});

	test('a body cut off short of its Content-Length leaves nothing in the binary data store', async () => {
		hosts.home.handle = (_request, response) => {
			response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': '100000' });
			response.write(MP4, () => response.destroy());
		};
		const before = storedFiles();

		const { error, items } = await runAgainst(hosts.home, download);

		expect(error?.message).toMatch(/^The download of video video_1 (broke off|is incomplete)/);
		expect(items).toHaveLength(0);
		expect(hosts.home.requests).toHaveLength(2);
		expect(storedFiles()).toEqual(before);
	});

	test('a gzip-encoded body (the server ignores Accept-Encoding: identity) is judged by its decoded size', async () => {
		const file = Buffer.concat([MP4_BYTES, randomBytes(200_000)]);
		const gzipped = gzipSync(file);
		expect(gzipped.length).toBeGreaterThan(file.length);
		hosts.home.handle = (_request, response) =>
			response.writeHead(200, { 'content-type': 'video/mp4', 'content-encoding': 'gzip', 'content-length': String(gzipped.length) }).end(gzipped);

		const { error, items } = await runAgainst(hosts.home, download);

		expect(error).toBeUndefined();
		expect(hosts.home.requests[0].headers['accept-encoding']).toBe('identity');
		expect(items[0].json.bytes).toBe(file.length);
		expect((await Container.get(BinaryDataService).getAsBuffer(items[0].binary!.data)).equals(file)).toBe(true);
	});

	test.each([
		['an identity body', (file: Buffer) => file, {}],
		['a gzip-encoded body', (file: Buffer) => gzipSync(file), { 'content-encoding': 'gzip' }],
	])('%s that ends before its Content-Length is an error, retried, never a truncated file', async (_name, encode, headers) => {
		const sent = encode(Buffer.concat([MP4_BYTES, randomBytes(200_000)]));
		hosts.home.handle = (_request, response) => {
			response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(sent.length), ...headers });
			response.write(sent.subarray(0, 100_000));
			setTimeout(() => response.socket?.end(), 50);
		};

		const { error, items } = await runAgainst(hosts.home, download);

		expect(error?.message).toMatch(/^The download of video video_1 broke off after \d+ bytes: .* \(2 tries\)$/);
		expect(error?.description).toMatch(/still on the server/);
		expect(items).toHaveLength(0);
		expect(hosts.home.requests).toHaveLength(2);
	});
});
