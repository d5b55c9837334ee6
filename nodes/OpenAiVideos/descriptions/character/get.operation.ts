import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireId, sendRouted } from '../../transport/routing';
import { idField, pathWithId } from '../fields';

export const getCharacterOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a character',
	description: 'Retrieve a character by ID',
	routing: {
		request: { method: 'GET', url: pathWithId('/videos/characters/{id}', 'characterId') },
		send: { paginate: true, preSend: [requireId('characterId', 'character ID')] },
		operations: { pagination: sendRouted('GET /videos/characters/{character_id}') },
	},
};

export const getCharacterFields: INodeProperties[] = [idField('characterId', 'Character ID', 'The ID of the character', 'e.g. char_123')];
