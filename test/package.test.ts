import path from 'node:path';

import { PackageDirectoryLoader } from 'n8n-core';

import { prepareEnvironment } from './harness/environment';

const packageDir = path.resolve(__dirname, '..');

describe('the built package', () => {
	test('n8n loads dist/ as a community package and finds the nodes and the credential', async () => {
		await prepareEnvironment();
		const loader = new PackageDirectoryLoader(packageDir);
		await loader.loadAll();

		expect(loader.packageName).toBe('n8n-nodes-openai-videos');
		expect(Object.keys(loader.nodeTypes).sort()).toEqual(['openAiVideos', 'openAiVideosTrigger']);
		expect(Object.keys(loader.credentialTypes)).toEqual(['openAiVideosApi']);
		const node = loader.nodeTypes.openAiVideos.type.description;
		expect(node).toMatchObject({ name: 'openAiVideos', usableAsTool: true, credentials: [{ name: 'openAiVideosApi', required: true }] });
		expect(loader.nodeTypes.openAiVideosTrigger.type.description).toMatchObject({ polling: true, inputs: [] });
		expect(loader.credentialTypes.openAiVideosApi.type.properties.map((property) => property.name)).toEqual([
			'apiKey',
			'baseUrl',
			'authHeader',
			'organizationId',
			'projectId',
			'queryParameters',
			'customHeaders',
			'allowUnauthorizedCerts',
		]);
	});
});
