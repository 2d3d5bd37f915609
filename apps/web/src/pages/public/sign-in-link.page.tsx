import { NewPasswordPage } from './new-password-page';

/** `/#/sign-in-link?code=`: the one-time link an admin hands over with a new account. */
export const SignInLinkPage = () => (
  <NewPasswordPage
    title="Choose your password"
    route="/sessions/link"
    withAccountId={false}
    submitLabel="Save and sign in"
  />
);
