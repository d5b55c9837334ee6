/**
 * Calls a node's `methods.listSearch` functions the way n8n's editor endpoint
 * (`/rest/dynamic-node-parameters/resource-locator-results`) does: on a temporary node that
 * carries the editor's current parameters, through n8n-core's LoadOptionsContext.
 */
import { LoadOptionsContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, INode, INodeListSearchResult, INodeParameters } from 'n8n-workflow';

import { OpenAiVideosApi } from '../../credentials/OpenAiVideosApi.credentials';
import { OpenAiVideos } from '../../nodes/OpenAiVideos/OpenAiVideos.node';
import { FixtureCredentialsHelper } from './credentials-helper';
import { prepareEnvironment } from './environment';
import { nodeTypesOf } from './node-types';
import { additionalDataFor, NODE_TYPE } from './run-node';

export type ListSearchMethod = 'searchVideos' | 'searchCompletedVideos' | 'searchModels';

export interface ListSearchCall {
	credentials: ICredentialDataDecryptedObject;
	/** The node's parameters as the editor has them (unsaved). */
	parameters?: INodeParameters;
	filter?: string;
	paginationToken?: string;
	/** The parameter whose list is opened, e.g. videoId. */
	parameterName?: string;
}

export async function listSearch(method: ListSearchMethod, call: ListSearchCall): Promise<INodeListSearchResult> {
	await prepareEnvironment();
	const nodeType = new OpenAiVideos();
	const parameters = call.parameters ?? {};
	const node: INode = {
		id: 'temp-node',
		name: 'Temp-Node',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { openAiVideosApi: { id: 'c1', name: 'Fixture' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: nodeTypesOf({ [NODE_TYPE]: nodeType }) });
	const additionalData = additionalDataFor(new FixtureCredentialsHelper(new OpenAiVideosApi(), call.credentials));
	additionalData.currentNodeParameters = parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, `parameters.${call.parameterName ?? 'videoId'}`);
	const search = nodeType.methods.listSearch[method];
	return await search.call(context, call.filter, call.paginationToken);
}
