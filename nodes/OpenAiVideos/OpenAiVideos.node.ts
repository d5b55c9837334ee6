import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { openAiVideosApiTest } from '../shared/credential-test';
import { resourceProperties, toolDescriptionProperties } from './actions/operation';
import { resources, router } from './actions/router';
import { listSearch } from './methods/listSearch';

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
		properties: [
			...toolDescriptionProperties('video', resources.video),
			...toolDescriptionProperties('character', resources.character),
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
			...resourceProperties('video', resources.video, 'create'),
			...resourceProperties('character', resources.character, 'create'),
		],
	};

	methods = { listSearch, credentialTest: { openAiVideosApiTest } };

	execute = router;
}
