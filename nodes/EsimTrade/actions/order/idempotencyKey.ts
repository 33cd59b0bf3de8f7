import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/**
 * The Idempotency Key as entered, trimmed; empty when the field was left empty
 * (the node then derives a key). A field that was filled in but resolves to
 * blank is a mapping mistake, so it is named instead of silently switching to
 * the derived key.
 */
export function idempotencyKeyInput(ctx: IExecuteFunctions, i: number): string {
	const resolved = ctx.getNodeParameter('idempotencyKey', i, '') as unknown;
	const key = resolved === undefined || resolved === null ? '' : String(resolved).trim();
	if (key) return key;
	const raw = ctx.getNodeParameter('idempotencyKey', i, '', { rawExpressions: true }) as unknown;
	const entered =
		typeof raw === 'string' ? raw.replace(/^=/, '').trim() : raw !== undefined && raw !== null;
	if (!entered) return '';
	throw new NodeOperationError(
		ctx.getNode(),
		'Idempotency Key: is blank for this item (the value mapped into it resolved to nothing)',
		{
			itemIndex: i,
			description:
				'The field is filled in, but for this item it gave an empty value, so the purchase could not be tied to its key. Check the expression or the data mapped into "Idempotency Key", or clear the field to let the node derive a key. Nothing was sent to the provider.',
		},
	);
}
