import { createRouter } from '../../shared/execution/router';
import * as account from './account/Account.resource';
import * as esim from './esim/Esim.resource';
import * as order from './order/Order.resource';
import * as plan from './plan/Plan.resource';
import * as topUp from './topUp/TopUp.resource';
import * as wallet from './wallet/Wallet.resource';

export const { properties, route } = createRouter(
	{ account, esim, order, plan, topUp, wallet },
	[
		{ name: 'Account', value: 'account' },
		{ name: 'eSIM', value: 'esim' },
		{ name: 'Order', value: 'order' },
		{ name: 'Plan', value: 'plan' },
		{ name: 'Top-Up', value: 'topUp' },
		{ name: 'Wallet', value: 'wallet' },
	],
	'order',
);
