import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { parameterOf, requiredId } from '../../../shared/parameters';
import { apiRequest } from '../../../shared/transport/retry';
import { runEachItem } from '../../helpers/each-item';
import { requestTo, type Endpoint } from '../../helpers/endpoint';
import { idField } from '../fields';

export const endpoint: Endpoint = { method: 'GET', path: '/videos/characters/{character_id}' };

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a character',
	description: 'Retrieve a character by ID',
};

export const toolDescription = 'Returns a character (id, name) by its id in about a second.';

export const properties: INodeProperties[] = [idField('characterId', 'Character ID', 'The ID of the character', 'e.g. char_123')];

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runEachItem(this, {
		inputOf: (itemIndex) => requiredId(this.getNode(), itemIndex, parameterOf(this, 'characterId', itemIndex), 'character ID'),
		run: async (id, connection, { maxRetries, query }) => {
			const { body } = await apiRequest(connection, requestTo(endpoint, { character_id: id }, { qs: query }), 'idempotent', maxRetries);
			return [{ json: (body && typeof body === 'object' ? body : { response: body ?? null }) as IDataObject }];
		},
	});
}
