import type { RolePage } from '../registry';
import { supervisorPages } from '../supervisor/supervisor-pages';
import { AccountsPage } from './accounts.page';
import { TokensPage } from './tokens.page';

/** An admin's own pages, the accounts and the tokens, then every supervisor page: admins run the program too. */
export const adminPages: ReadonlyArray<RolePage> = [
  { path: 'accounts', label: 'Accounts', component: AccountsPage },
  { path: 'tokens', label: 'Sign-in tokens', component: TokensPage },
  ...supervisorPages,
];
