import { createRouter } from '../../shared/execution/router';
import * as account from './account/Account.resource';
import * as balance from './balance/Balance.resource';
import * as contact from './contact/Contact.resource';
import * as order from './order/Order.resource';
import * as plan from './plan/Plan.resource';
import * as topUp from './topUp/TopUp.resource';

export const { properties, route } = createRouter(
	{ account, balance, contact, order, plan, topUp },
	[
		{ name: 'Account', value: 'account' },
		{ name: 'Balance', value: 'balance' },
		{ name: 'Contact', value: 'contact' },
		{ name: 'Order', value: 'order' },
		{ name: 'Plan', value: 'plan' },
		{ name: 'Top-Up', value: 'topUp' },
	],
	'order',
);
