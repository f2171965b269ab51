import { Caption1 } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';

/** A lazy chunk that failed to load (a blocked script, the server gone): said, the rest of the pane unharmed. */
export class ChunkBoundary extends Component<{ failed: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <Caption1 role="alert">{this.props.failed}</Caption1> : this.props.children;
  }
}
