import { render } from 'preact';
import '../common/styles.css';
import { DropPage } from './drop-page';

render(<DropPage />, document.getElementById('app')!);
