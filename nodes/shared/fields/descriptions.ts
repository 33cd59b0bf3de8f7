import type { INodeProperties } from 'n8n-workflow';

/** "Return All" + "Limit" for a list operation, shown for the given resource and operation. */
export function returnAllLimit(resource: string, operation: string): INodeProperties[] {
	const show = { resource: [resource], operation: [operation] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			displayOptions: { show },
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			displayOptions: { show: { ...show, returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

export interface LocatorSettings {
	displayName: string;
	name: string;
	/** `listSearch` method behind "From List". */
	searchListMethod: string;
	/** Label of the typed mode, e.g. "By ID". */
	idLabel: string;
	placeholder: string;
	hint: string;
	description: string;
	/** Omitted inside a collection, whose values carry no display options. */
	show?: Record<string, string[]>;
}

/** A resource picker: a searchable list first, or an identifier typed or mapped from an expression. */
export function locator(settings: LocatorSettings): INodeProperties {
	return {
		displayName: settings.displayName,
		name: settings.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		...(settings.show ? { displayOptions: { show: settings.show } } : {}),
		description: settings.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: {
					searchListMethod: settings.searchListMethod,
					searchable: true,
					searchFilterRequired: false,
				},
			},
			{
				displayName: settings.idLabel,
				name: 'id',
				type: 'string',
				placeholder: settings.placeholder,
				hint: settings.hint,
			},
		],
	};
}

/** How the QR code image is produced; `none` first where the image is optional. */
export function qrImageField(
	defaultMode: 'render' | 'none',
	description?: string,
): INodeProperties {
	const none = { name: 'None', value: 'none', description: 'Only output the activation details' };
	const choices = [
		{
			name: 'Render From Activation Code',
			value: 'render',
			description: 'Draw the QR locally; no extra request',
		},
		{
			name: 'Download From Provider',
			value: 'download',
			description: 'Fetch the image at the QR code URL',
		},
	];
	return {
		displayName: 'QR Code Image',
		name: 'qrImage',
		type: 'options',
		options: defaultMode === 'none' ? [none, ...choices] : [...choices, none],
		default: defaultMode,
		...(description ? { description } : {}),
	};
}

/** Name of the binary field that receives the QR code. */
export const qrBinaryField: INodeProperties = {
	displayName: 'Put QR Code in Field',
	name: 'binaryProperty',
	type: 'string',
	default: 'qrCode',
	description:
		'Name of the binary field that receives the QR code PNG, for example to attach it to an email',
};

/** Plan list filters both catalogs offer: country code, maximum price and a text search. */
export function planFilterFields(
	countryField: string,
	priceDescription: string,
	searchDescription: string,
): INodeProperties[] {
	return [
		{
			displayName: 'Country Code',
			name: countryField,
			type: 'string',
			default: '',
			placeholder: 'e.g. JP',
			description: 'Only plans for this two-letter country code',
		},
		{
			displayName: 'Max Price',
			name: 'maxPrice',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: priceDescription,
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: searchDescription,
		},
	];
}
