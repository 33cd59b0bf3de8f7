import { fields } from '../../nodes/shared/input/validation';

describe('fields.text', () => {
	const text = fields.text(50);
	it.each(['Maya Tanaka', 'Zoë & Co.', 'Café 東京', 'a\u0080b'])('accepts %j', (value) => {
		expect(text.safeParse(value).success).toBe(true);
	});
	it.each(['a\u0000b', 'a\u001fb', 'line\nbreak', 'tab\there', 'del\u007f', '<b>', 'a > b'])(
		'rejects %j: control character or angle bracket',
		(value) => {
			const result = text.safeParse(value);
			expect(result.success).toBe(false);
			expect(result.error?.issues[0]?.message).toBe('must not contain control characters or < >');
		},
	);
});

describe('fields.phone', () => {
	const phone = fields.phone();
	it.each(['+1 (555) 010-0000', '030/1234.56', '0044 20 7946 0000'])('accepts %j', (value) => {
		expect(phone.safeParse(value).success).toBe(true);
	});
	it.each(['call me', '+', '-123', '12\\34'])('rejects %j', (value) => {
		expect(phone.safeParse(value).success).toBe(false);
	});
});
