import { useFakeApi } from '../../harness/fixtures';
import { EXTRA_QUERY_SENT, extraQuery } from '../helpers';

const fake = useFakeApi();
const get = { resource: 'character', operation: 'get' };

describe('Character → Get', () => {
	test('Get fetches by URL-encoded ID', async () => {
		fake.api.characters.set('char_1', { id: 'char_1', created_at: 1, name: 'Mia' });
		const { items } = await fake.run({ parameters: { resource: 'character', operation: 'get', characterId: 'char_1' } });

		expect(fake.api.requests[0].path).toBe('/videos/characters/char_1');
		expect(items[0].json).toMatchObject({ id: 'char_1', name: 'Mia' });
	});

	test('an ID that needs encoding, with Extra Query Parameters: one GET with the query, the character as the item', async () => {
		const character = { id: 'char_a/b c', created_at: 1, name: 'Mia' };
		fake.api.characters.set(character.id, character);
		const { items, error } = await fake.run({ parameters: { ...get, characterId: ` ${character.id} `, options: { extraQuery } } });

		expect(error).toBeUndefined();
		expect(fake.api.requests).toHaveLength(1);
		const [request] = fake.api.requests;
		expect([request.method, request.rawPath, request.query, request.body.length]).toEqual(['GET', '/videos/characters/char_a%2Fb%20c', EXTRA_QUERY_SENT, 0]);
		expect(items).toEqual([{ json: character, pairedItem: { item: 0 } }]);
	});

	test('one item per input item, each with its own ID', async () => {
		fake.api.characters.set('char_1', { id: 'char_1', created_at: 1, name: 'Mia' });
		fake.api.characters.set('char_2', { id: 'char_2', created_at: 2, name: 'Leo' });
		const { items } = await fake.run({
			parameters: { ...get, characterId: '={{ $json.character }}' },
			items: [{ json: { character: 'char_2' } }, { json: { character: 'char_1' } }],
		});

		expect(items.map((item) => [item.json.name, item.pairedItem])).toEqual([
			['Leo', { item: 0 }],
			['Mia', { item: 1 }],
		]);
		expect(fake.api.requests.map((request) => request.path).sort()).toEqual(['/videos/characters/char_1', '/videos/characters/char_2']);
	});

	test('an empty ID, or one that would change the path, fails before any request', async () => {
		const empty = await fake.run({ parameters: { ...get, characterId: '={{ $json.missing }}' } });
		const dots = await fake.run({ parameters: { ...get, characterId: '..' } });

		expect(empty.error?.message).toBe('The character ID is empty');
		expect(dots.error?.message).toBe('The character ID ".." is not an ID');
		expect(fake.api.requests).toEqual([]);
	});

	test('an unknown character gives the server message', async () => {
		const { error, items } = await fake.run({ parameters: { ...get, characterId: 'char_gone' } });

		expect(items).toEqual([]);
		expect(error?.message).toBe("GET /videos/characters/{character_id} failed (404, not_found): Character with id 'char_gone' not found");
	});
});
