import type { IDataObject } from 'n8n-workflow';

/** Whether a parsed provider value is a JSON object (not null, not a list). */
export const isRecord = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);
