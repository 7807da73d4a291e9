import { Component, type ComponentChildren } from 'preact';
import { I18nContext, type I18nValue } from './i18n-context.ts';
import { ErrorScreen } from './error-screen.tsx';

interface Props {
  children: ComponentChildren;
  /** Told of the error: the app machine then shows its own error screen, which keeps the run. */
  onError?: (error: unknown) => void;
  /** Without onError: what "Réessayer" does (main.tsx reloads the page; a run in progress resumes). */
  onReset?: () => void;
}

/** Catches any rendering error below it: never a white screen. */
export class ErrorBoundary extends Component<Props, { error: unknown }> {
  override state = { error: undefined as unknown };

  static override getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown) {
    // Kept in the console for whoever maintains the kiosk; nothing is sent anywhere.
    console.error(error);
    this.props.onError?.(error);
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    // Told the app, which draws its error screen in place of this one.
    if (this.props.onError) return null;
    return (
      <I18nContext.Consumer>
        {({ t }: I18nValue) => (
          <ErrorScreen
            title={t('ui.error.title')}
            text={t('ui.error.text')}
            onRetry={() => {
              this.setState({ error: undefined });
              this.props.onReset?.();
            }}
          />
        )}
      </I18nContext.Consumer>
    );
  }
}
