import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { characterDescription } from './descriptions/character';
import { toolDescriptionFields } from './descriptions/tool';
import { videoDescription } from './descriptions/video';
import { runPaidOperation } from './helpers/run-jobs';
import { runGetMany } from './helpers/list-videos';
import { openAiVideosApiTest } from './methods/credentialTest';
import type { PaidOperation } from './helpers/job-requests';
import { withSubNodeRouting, type CustomOperations } from './helpers/sub-node-routing';
import { listSearch } from './methods/listSearch';

/** Operations that need all items at once (checked first, paced, resumable): not pure routing. */
function paid(operation: PaidOperation) {
	return async function (this: IExecuteFunctions) {
		return await runPaidOperation(this, operation);
	};
}

const CUSTOM_OPERATIONS: CustomOperations = {
	video: {
		create: paid('create'),
		remix: paid('remix'),
		edit: paid('edit'),
		extend: paid('extend'),
		getAll: async function (this: IExecuteFunctions) {
			return await runGetMany(this);
		},
	},
	character: { create: paid('createCharacter') },
};

export class OpenAiVideos implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenAI Videos',
		name: 'openAiVideos',
		icon: { light: 'file:openAiVideos.svg', dark: 'file:openAiVideos.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Generate, remix, edit, extend and download videos with the OpenAI Videos API (Sora 2) or a server that speaks it',
		defaults: { name: 'OpenAI Videos' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'openAiVideosApi', required: true, testedBy: 'openAiVideosApiTest' }],
		requestDefaults: {
			baseURL: '={{ $credentials.baseUrl }}',
			headers: { Accept: 'application/json' },
			ignoreHttpStatusErrors: true,
		},
		properties: withSubNodeRouting([
			...toolDescriptionFields,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Video', value: 'video' },
					{ name: 'Character', value: 'character' },
				],
				default: 'video',
			},
			...videoDescription,
			...characterDescription,
		], CUSTOM_OPERATIONS),
	};

	methods = { listSearch, credentialTest: { openAiVideosApiTest } };

	customOperations = CUSTOM_OPERATIONS;
}
