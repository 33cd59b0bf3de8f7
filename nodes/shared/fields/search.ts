/** A search text as it is compared: trimmed and in lower case (empty matches everything). */
export const needleOf = (filter: unknown): string =>
	String(filter ?? '')
		.trim()
		.toLowerCase();

/** The one text-search rule of filters and pickers: some value contains the needle, ignoring case. */
export function containsText(needle: string, ...values: unknown[]): boolean {
	return (
		!needle ||
		values.some((value) =>
			String(value ?? '')
				.toLowerCase()
				.includes(needle),
		)
	);
}
