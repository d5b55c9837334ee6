/**
 * The README's option tables, rendered from the nodes' descriptions: one table per operation (and
 * one for the trigger) with every field and every entry of its Options collection: display name,
 * internal name, default, bounds or values, and when it shows. options-table.test.ts fails (and
 * prints this) when the README's block differs.
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

// The nodes, imported in this one place.
import { OpenAiVideos } from '../../nodes/OpenAiVideos/OpenAiVideos.node';
import { OpenAiVideosTrigger } from '../../nodes/OpenAiVideosTrigger/OpenAiVideosTrigger.node';

export const nodeDescription = (): INodeTypeDescription => new OpenAiVideos().description;
export const triggerDescription = (): INodeTypeDescription => new OpenAiVideosTrigger().description;

/** The first and last line of the generated block in the README. */
export const BLOCK_START = '<!-- option tables: generated from the node descriptions, checked by test/readme/options-table.test.ts -->';
export const BLOCK_END = '<!-- end of option tables -->';

const SELECTORS = new Set(['resource', 'operation']);
/** Not settings: notices, and the tool's description, which has its own table. */
const SKIPPED_TYPES = new Set(['notice', 'hidden']);
const TOOL_DESCRIPTION = 'toolDescription';

const code = (text: string) => `\`${text}\``;
/** Inside <summary>, Markdown is not rendered: HTML's own code tag. */
const htmlCode = (text: string) => `<code>${text}</code>`;
const number = (value: number) => value.toLocaleString('en-US');

type Show = Record<string, unknown[] | undefined>;

function showOf(property: INodeProperties | INodePropertyOptions | INodePropertyCollection): Show {
	return ((property as INodeProperties).displayOptions?.show ?? {}) as Show;
}

/** Whether a property shows for this resource and operation (`/resource`, `/operation` for nested options). */
function showsFor(property: INodeProperties, resource: string | undefined, operation: string | undefined): boolean {
	const show = showOf(property);
	const allows = (key: string, value: string | undefined) => {
		const allowed = show[key] ?? show[`/${key}`];
		return value === undefined || allowed === undefined || allowed.includes(value);
	};
	return allows('resource', resource) && allows('operation', operation);
}

function renderDefault(property: INodeProperties): string {
	const value = property.default as unknown;
	if (property.type === 'resourceLocator') {
		const locator = value as { mode?: string; value?: unknown };
		return locator.value ? `${code(String(locator.value))} (${locator.mode === 'list' ? 'From List' : 'By ID'})` : 'empty';
	}
	if (property.type === 'collection' || property.type === 'fixedCollection') return 'none';
	if (value === '' || value === undefined || value === null) return 'empty';
	if (typeof value === 'number') return code(number(value));
	return code(typeof value === 'string' ? value : JSON.stringify(value));
}

function renderBounds(property: INodeProperties): string {
	const typeOptions = property.typeOptions ?? {};
	switch (property.type) {
		case 'number': {
			const { minValue: min, maxValue: max } = typeOptions as { minValue?: number; maxValue?: number };
			if (min !== undefined && max !== undefined) return `${number(min)}–${number(max)}`;
			if (min !== undefined) return `≥ ${number(min)}`;
			return max !== undefined ? `≤ ${number(max)}` : '';
		}
		case 'options': {
			const values = (property.options as INodePropertyOptions[]).map((option) => (option.value === '' ? 'empty' : code(String(option.value))));
			return values.join(', ') + (property.allowArbitraryValues ? ', or any value by expression' : '');
		}
		case 'resourceLocator':
			return (property.modes ?? []).map((mode) => mode.displayName).join(' or ');
		case 'fixedCollection':
			return (property.options as INodePropertyCollection[])
				.map((entry) => `${entry.displayName} list: ${(entry.values as INodeProperties[]).map((field) => code(field.name)).join(', ')}`)
				.join('; ');
		case 'json':
			return 'a JSON object';
		default:
			return '';
	}
}

function renderCondition(key: string, values: unknown[]): string {
	if (key === '@tool') return values.includes(true) ? 'as an AI Agent tool' : 'not as a tool';
	return `${code(key)} = ${values.map((value) => code(String(value))).join(' or ')}`;
}

/** When a field shows, beyond its resource and operation. */
function renderShown(property: INodeProperties): string {
	return Object.entries(showOf(property))
		.filter(([key]) => !SELECTORS.has(key.replace(/^\//, '')))
		.map(([key, values]) => renderCondition(key, values ?? []))
		.join('; ');
}

function row(property: INodeProperties, prefix = ''): string {
	const name = `${prefix}${property.name}`;
	const label = prefix ? `Options → ${property.displayName}` : property.displayName;
	const required = property.required ? ' (required)' : '';
	return `| ${label}${required} | ${code(name)} | ${renderDefault(property)} | ${renderBounds(property)} | ${renderShown(property)} |`;
}

/** The rows of every field (and Options entry) that shows for this resource and operation. */
export function rowsFor(properties: INodeProperties[], resource?: string, operation?: string): string[] {
	const rows: string[] = [];
	for (const property of properties) {
		if (SELECTORS.has(property.name) || property.name === TOOL_DESCRIPTION || SKIPPED_TYPES.has(property.type)) continue;
		if (!showsFor(property, resource, operation)) continue;
		if (property.type === 'collection') {
			for (const option of property.options as INodeProperties[]) {
				if (showsFor(option, resource, operation)) rows.push(row(option, `${property.name}.`));
			}
		} else {
			rows.push(row(property));
		}
	}
	return rows;
}

const HEADER = ['| field | internal name | default | bounds / values | shown when |', '|---|---|---|---|---|'];

function table(title: string, rows: string[], header = HEADER): string {
	return [`<details><summary>${title}</summary>`, '', ...header, ...rows, '', '</details>'].join('\n');
}

/** The resources and operations of the node, as its selectors list them. */
function operations(description: INodeTypeDescription): Array<{ resource: INodePropertyOptions; operation: INodePropertyOptions }> {
	const resources = description.properties.find((property) => property.name === 'resource')?.options as INodePropertyOptions[];
	return resources.flatMap((resource) => {
		const selector = description.properties.find(
			(property) => property.name === 'operation' && showOf(property).resource?.includes(resource.value),
		);
		return (selector?.options as INodePropertyOptions[]).map((operation) => ({ resource, operation }));
	});
}

function toolTable(description: INodeTypeDescription): string {
	const rows = description.properties
		.filter((property) => property.name === TOOL_DESCRIPTION)
		.map((property) => {
			const show = showOf(property);
			return `| ${code(`${show.resource?.[0]}/${show.operation?.[0]}`)} | ${String(property.default)} |`;
		});
	return table(`AI Agent tool: Description (${htmlCode(TOOL_DESCRIPTION)}), one per operation`, rows, ['| operation | default |', '|---|---|']);
}

export function renderOptionTables(): string {
	const node = nodeDescription();
	const blocks = operations(node).map(({ resource, operation }) =>
		table(`${resource.name} → ${operation.name} (${htmlCode(`${resource.value}/${operation.value}`)})`, rowsFor(node.properties, String(resource.value), String(operation.value))),
	);
	blocks.push(toolTable(node));
	blocks.push(table('Trigger: OpenAI Videos Trigger', rowsFor(triggerDescription().properties)));
	return [BLOCK_START, ...blocks, BLOCK_END].join('\n');
}
