/** Whether the digits end in a valid Luhn check digit, as ICCIDs do (ITU-T E.118). */
export function luhnValid(digits: string): boolean {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
		if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
		sum += digit;
	}
	return sum % 10 === 0;
}

/** The Luhn check digit that completes `digits`. */
export function luhnDigit(digits: string): string {
	for (let d = 0; d <= 9; d++) if (luhnValid(`${digits}${d}`)) return String(d);
	return '0';
}
