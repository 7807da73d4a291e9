import { Component, type ComponentChildren } from 'preact';
import { I18nContext, type I18nValue } from './i18n-context.ts';
import { ErrorScreen } from './error-screen.tsx';

interface Props {
  children: ComponentChildren;
  /** Wipes whatever the failed screen held and starts again. */
  onReset: () => void;
}

/** Catches any rendering error below it and shows a clear message with "Recommencer", never a white screen. */
export class ErrorBoundary extends Component<Props, { error: unknown }> {
  override state = { error: undefined as unknown };

  static override getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown) {
    // Kept in the console for whoever maintains the kiosk; nothing is sent anywhere.
    console.error(error);
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <I18nContext.Consumer>
        {({ t }: I18nValue) => (
          <ErrorScreen
            title={t('ui.error.title')}
            text={t('ui.error.text')}
            onRestart={() => {
              this.setState({ error: undefined });
              this.props.onReset();
            }}
          />
        )}
      </I18nContext.Consumer>
    );
  }
}
