import { Alert, Button, Stack, Text } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  readonly error: Error | undefined;
}

/**
 * A page that fails to render shows what went wrong and a way back, instead of a blank screen;
 * the navigation around it keeps working. `resetKey` (the route) clears it on the next page.
 */
export class ErrorBoundary extends Component<{ readonly children: ReactNode; readonly resetKey?: string }, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: { readonly resetKey?: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== undefined)
      this.setState({ error: undefined });
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === undefined) return this.props.children;
    return (
      <Alert color="red" title="This page could not be shown" role="alert">
        <Stack gap="sm">
          <Text size="sm">{this.state.error.message}</Text>
          <Button variant="light" color="red" onClick={() => window.location.reload()} w="fit-content">
            Reload the page
          </Button>
        </Stack>
      </Alert>
    );
  }
}
