import { render } from 'preact';

render(<main><h1>Repères</h1></main>, document.getElementById('app') as HTMLElement);
