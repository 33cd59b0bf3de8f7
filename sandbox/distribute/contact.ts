import type { SimRequest, SimResponse } from '../types';
import { ok } from './envelope';
import { INQUIRY_TYPES, type ContactSubmission, type State } from './model';
import { email, objectBody, oneOf, optionalString, requiredString } from './validate';

/** `POST /contact` (no auth): stores the submission for inspection. */
export function submitContact(state: State, req: SimRequest): SimResponse {
	const body = objectBody(req.body);
	const submission: ContactSubmission = {
		id: state.uuid(),
		fullName: requiredString(body.fullName, 'fullName', 200),
		email: email(body.email, 'email'),
		companyName: optionalString(body.companyName, 'companyName'),
		phone: optionalString(body.phone, 'phone', 40),
		inquiryType: oneOf(body.inquiryType, 'inquiryType', INQUIRY_TYPES),
		message: requiredString(body.message, 'message', 5000),
		createdAt: state.iso(),
	};
	state.contacts.push(submission);
	return ok({ id: submission.id, received: true }, 'Thank you, we will be in touch', 201);
}
