import { NewPasswordPage } from './new-password-page';

/** `/#/setup?code=`: the address the first start prints, while no account exists yet. */
export const SetupPage = () => (
  <NewPasswordPage title="Create the first admin" route="/setup" withAccountId submitLabel="Create and sign in" />
);
